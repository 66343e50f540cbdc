// Embind glue: bytes in (pointer and length in the module's heap) with the options object's
// fields copied into sso::Options; Report JSON out. Nothing here decides anything, and nothing
// thrown can cross: the core never throws, and a field of the wrong type comes back as an error.
#include <emscripten/bind.h>

#include <string>
#include <string_view>

#include "analyze.hpp"
#include "clock.hpp"
#include "report/json.hpp"
#include "url/url.hpp"

namespace {
using emscripten::val;

// Copies options[key] when it is a string; false (with `error`) when it is there but is not.
bool string_field(const val& options, const char* key, std::string& out, std::string& error) {
  const val v = options[key];
  if (v.isUndefined() || v.isNull()) return true;
  if (!v.isString()) {
    error = std::string("option ") + key + " must be a string";
    return false;
  }
  out = v.as<std::string>();
  return true;
}

bool optional_field(const val& options, const char* key, std::optional<std::string>& out, std::string& error) {
  std::string value;
  const val v = options[key];
  if (!string_field(options, key, value, error)) return false;
  if (!v.isUndefined() && !v.isNull()) out = value;
  return true;
}

bool options_from(const val& o, sso::Options& options, std::string& error) {
  if (o.isUndefined() || o.isNull()) return true;
  std::string now;
  if (!string_field(o, "entity", options.entity, error) || !string_field(o, "product", options.product, error) ||
      !string_field(o, "connectionId", options.connectionId, error) ||
      !string_field(o, "accountSid", options.accountSid, error) ||
      !string_field(o, "twilioId", options.twilioId, error) ||
      !string_field(o, "certificate", options.certificate, error) ||
      !string_field(o, "metadata", options.metadata, error) || !string_field(o, "signer", options.signer, error) ||
      !string_field(o, "previousMetadata", options.previousMetadata, error) ||
      !optional_field(o, "friendlyName", options.friendlyName, error) ||
      !optional_field(o, "redirectUrl", options.redirectUrl, error) ||
      !optional_field(o, "issuer", options.issuer, error) || !optional_field(o, "ssoUrl", options.ssoUrl, error) ||
      !string_field(o, "now", now, error))
    return false;
  const val pick = o["pick"];
  if (!pick.isUndefined() && !pick.isNull()) {
    if (!pick.isNumber() || pick.as<double>() < 0 || pick.as<double>() > 1e6) {
      error = "option pick must be a number from 1";
      return false;
    }
    options.pick = static_cast<std::size_t>(pick.as<double>());
  }
  const val domains = o["trustedDomains"];
  if (!domains.isUndefined() && !domains.isNull()) {
    if (!val::global("Array").call<bool>("isArray", domains)) {
      error = "option trustedDomains must be an array of strings";
      return false;
    }
    const unsigned n = domains["length"].as<unsigned>();
    for (unsigned i = 0; i < n; ++i) {
      if (!domains[i].isString()) {
        error = "option trustedDomains must be an array of strings";
        return false;
      }
      options.trustedDomains.push_back(domains[i].as<std::string>());
    }
  }
  // Told how far a long analysis is (the page shows it past a second).
  const val progress = o["onProgress"];
  if (!progress.isUndefined() && !progress.isNull()) {
    if (progress.typeOf().as<std::string>() != "function") {
      error = "option onProgress must be a function";
      return false;
    }
    options.progress = [progress](const char* stage, double fraction) { progress(std::string(stage), fraction); };
  }
  if (!now.empty()) {
    options.now = sso::parse_xs_datetime(now);
    if (!options.now) {
      error = "option now must be a time such as 2026-11-28T00:00:00Z";
      return false;
    }
  }
  return true;
}

std::string error_json(const std::string& error) { return "{\"error\":\"" + error + "\"}"; }

std::string analyze_bytes(uintptr_t pointer, std::size_t length, const val& options_object, int indent) {
  sso::Options options;
  std::string error;
  if (!options_from(options_object, options, error)) return error_json(error);
  const std::string_view input(reinterpret_cast<const char*>(pointer), length);
  return sso::report_json(sso::analyze(input, options), indent);
}

// How the core reads one URL, as a plain object (for the URL differential tests).
val read_url(const std::string& text) {
  const sso::UrlRead read = sso::read_url(text);
  val out = val::object();
  out.set("accepted", read.url.has_value());
  if (!read.url) {
    out.set("reason", read.refusal.reason);
    out.set("stricter", read.refusal.stricter);
    return out;
  }
  out.set("scheme", read.url->scheme);
  out.set("host", read.url->host.ascii);
  out.set("port", read.url->port ? val(*read.url->port) : val::null());
  return out;
}
}  // namespace

EMSCRIPTEN_BINDINGS(twilio_sso) {
  emscripten::function("analyzeBytes", &analyze_bytes);
  emscripten::function("readUrl", &read_url);
}
