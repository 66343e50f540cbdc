#include "twilio/issuer_checks.hpp"

#include "input/text.hpp"
#include "url/url_shapes.hpp"

namespace sso {

namespace {
bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Text an admin left in place of a value: a template marker ({tenantid}, <customer-id>, ${…}),
// a field's label ("IdP Entity ID"), or words no identifier is made of.
enum class Placeholder { None, Template, Label };
Placeholder placeholder_kind(std::string_view issuer) {
  if (issuer.find_first_of("{}<>") != std::string_view::npos || issuer.find("${") != std::string_view::npos)
    return Placeholder::Template;
  const std::string lower = ascii_lowercase(trim(issuer));
  static const char* const kWords[] = {"idp entity id", "entity id", "entityid", "issuer", "idp issuer",
                                       "identity provider issuer", "issuer url", "idp entityid", "sp entity id",
                                       "your entity id", "changeme", "change me", "todo", "tbd", "placeholder",
                                       "xxx", "n/a", "none", "null", "undefined", "example"};
  for (const char* w : kWords)
    if (lower == w) return Placeholder::Label;
  // An entity ID is a URI: it has no spaces. A phrase with spaces is a label or a sentence.
  if (lower.find(' ') != std::string::npos) return Placeholder::Label;
  return Placeholder::None;
}

// Twilio's own values (the service provider's), which belong in the IdP, not here.
bool is_service_provider_value(std::string_view issuer, const Report& report) {
  if (report.serviceProvider &&
      (issuer == report.serviceProvider->entityId || issuer == report.serviceProvider->acsUrl))
    return true;
  if (starts_with(issuer, "urn:flex:") || starts_with(issuer, "urn:console:")) return true;
  const UrlRead read = read_url(issuer);
  return read.url && is_twilio_host(read.url->host);
}

std::string difference(const std::string& given, const std::string& expected) {
  if (given + "/" == expected || given == expected + "/") return "they differ only by a trailing slash";
  if (ascii_lowercase(given) == ascii_lowercase(expected)) return "they differ only in upper and lower case";
  if ((starts_with(given, "http://") && starts_with(expected, "https://") && given.substr(7) == expected.substr(8)) ||
      (starts_with(given, "https://") && starts_with(expected, "http://") && given.substr(8) == expected.substr(7)))
    return "they differ only by http and https";
  return "it is a different value";
}

void check_typed_issuer(const std::string& given, const Report& report, Findings& findings) {
  const std::optional<std::string> entity_id =
      report.idp ? std::optional<std::string>(report.idp->entityId) : std::nullopt;
  const std::string value(trim(given));
  if (value != given)
    findings.add(Code::IssuerWhitespace, "The issuer \"" + given + "\" has white space around it; Twilio compares the "
                                         "issuer exactly (error 70004). Remove it.");
  if (entity_id && value == *entity_id) return;
  // With metadata, an issuer that is one of its endpoints is certainly a login or logout URL.
  // Without, the shape is a guess: an entityID may well be a URL (a metadata URL is common).
  bool endpoint = false;
  if (report.idp)
    for (const auto* list : {&report.idp->ssoServices, &report.idp->sloServices})
      for (const Endpoint& e : *list) endpoint |= e.location == value;
  const UrlRead read = read_url(value);
  const bool shaped = read.url && looks_like_login_url(*read.url);
  if (endpoint || (shaped && !entity_id)) {
    findings.add(Code::IssuerLoginUrl, endpoint ? Severity::Error : Severity::Warning,
                 "The issuer \"" + given + "\" " +
                     (endpoint ? "is one of the identity provider's login or logout URLs"
                               : "looks like a login or logout URL") +
                     ", not its issuer (entity ID)." +
                     (entity_id ? " Use " + *entity_id + "." : " Copy the IdP's entity ID (its Issuer)."));
    return;
  }
  if (entity_id)
    findings.add(Code::IssuerMismatch, "The issuer \"" + given + "\" is not the metadata's entityID \"" + *entity_id +
                                           "\": " + difference(value, *entity_id) +
                                           ". Twilio compares them exactly and rejects every login otherwise "
                                           "(error 70004). Use " + *entity_id + ".");
}
}  // namespace

void check_issuer(const Options& options, const Report& report, Findings& findings) {
  if (options.issuer) check_typed_issuer(*options.issuer, report, findings);
  const std::optional<std::string>& issuer = report.twilio.identityProviderIssuer;
  if (!issuer) return;
  const std::string source = report.idp ? "The metadata's entityID" : "The issuer";
  if (is_service_provider_value(*issuer, report)) {
    findings.add(Code::IssuerServiceProvider,
                 source + " \"" + *issuer + "\" is a Twilio (service provider) value: it goes into the identity "
                 "provider as the Audience or ACS URL. Here goes the identity provider's own entity ID, the Issuer "
                 "it puts in its responses.");
    return;
  }
  const Placeholder placeholder = placeholder_kind(*issuer);
  if (placeholder != Placeholder::None)
    findings.add(Code::IssuerPlaceholder, placeholder == Placeholder::Template ? Severity::Error : Severity::Warning,
                 source + " \"" + *issuer + "\" " +
                     (placeholder == Placeholder::Template
                          ? "holds a placeholder to fill in; no identity provider sends it as its Issuer, so Twilio "
                            "would reject every login. Use your IdP's real entity ID (its tenant-specific "
                            "metadata has it)."
                          : "looks like a label or a default left in place, not an entity ID. Set a real, unique "
                            "entity ID in your identity provider (a URL of yours is usual), then enter the same "
                            "value here."));
  if (starts_with(*issuer, "http://"))
    findings.add(Code::IssuerHttp, "The issuer starts with http://. That is normal for some identity providers "
                                   "(Okta's do): it is a name, not a link. Copy it exactly.");
}

}  // namespace sso
