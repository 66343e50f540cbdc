#include "twilio/rollover.hpp"

#include <algorithm>
#include <set>

#include "clock.hpp"
#include "saml/metadata_analysis.hpp"
#include "twilio/values.hpp"
#include "x509/checks.hpp"

namespace sso {

namespace {
const Certificate* find(const std::vector<Certificate>& list, const std::string& sha256) {
  for (const Certificate& c : list)
    if (!c.error && c.sha256 == sha256) return &c;
  return nullptr;
}

std::string date_of(const std::string& iso) { return iso.substr(0, 10); }

std::string when(int64_t at, int64_t now) { return date_of(iso8601(at)) + " (" + relative_time(at, now) + ")"; }

std::set<std::string> bindings_of(const IdentityProvider& idp) {
  std::set<std::string> out;
  for (const Endpoint& e : idp.ssoServices) out.insert(e.binding);
  return out;
}

// What is in `a` and not in `b`.
std::vector<std::string> minus(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::vector<std::string> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

// The older version read as the current one is: the same entity when it lists it, and the values
// Twilio would have been given from it. nullopt (with the reason) when it holds no IdP.
std::optional<Report> read_previous(const Options& options, int64_t now, const std::string& entity_id,
                                    std::string& problem) {
  Report previous;
  Options plain;
  plain.product = options.product;
  std::string text = options.previousMetadata;
  analyze_metadata(text.data(), text.size(), plain, now, previous, entity_id);
  if (!previous.idp) {
    for (const Finding& f : previous.findings.all())
      if (f.severity == Severity::Error) {
        problem = f.message;
        break;
      }
    if (problem.empty()) problem = "it holds no SAML 2.0 identity provider";
    return std::nullopt;
  }
  assemble_twilio_values(plain, now, previous);
  return previous;
}

const Certificate* twilio_choice(const IdentityProvider& idp) {
  for (const Certificate& c : idp.signingCertificates)
    if (c.forTwilio) return &c;
  return nullptr;
}

void add_certificate(Rollover& r, const Certificate& c, bool before, bool after, const std::string& in_twilio) {
  for (RolloverCertificate& existing : r.certificates)
    if (existing.sha256 == c.sha256) {
      existing.before |= before;
      existing.after |= after;
      return;
    }
  r.certificates.push_back({c.sha256, c.subject, c.notBefore, c.notAfter, c.daysLeft, before, after, c.sha256 == in_twilio});
}

// The certificate steps: Twilio's one against what the current metadata publishes.
void plan_certificates(const Certificate* held, const std::vector<const Certificate*>& added, const Certificate* current_choice,
                       bool from_metadata, int64_t now, Report& report) {
  Rollover& r = *report.rollover;
  const IdentityProvider& idp = *report.idp;
  const bool held_published = held && find(idp.signingCertificates, held->sha256);
  if (held && !held_published) {
    if (from_metadata)  // given as a certificate, cert.not-in-metadata already says so
      report.findings.add(Code::RolloverCertificateRemoved, Severity::Error,
                          "The certificate Twilio was given from the older version, " + certificate_label(*held) +
                              ", is no longer in the identity provider's metadata: it signs with another one now, "
                              "and every login fails with a signature error until Twilio has it.");
    if (current_choice)
      r.plan.push_back("Now: put " + certificate_label(*current_choice) + " (valid from " + date_of(current_choice->notBefore) + " to " +
                       date_of(current_choice->notAfter) + ") into Twilio's X.509 CERTIFICATE; the one Twilio holds is "
                       "no longer published.");
    return;
  }
  if (!held) {
    if (current_choice) r.plan.push_back("Put " + certificate_label(*current_choice) + " into Twilio's X.509 CERTIFICATE.");
    return;
  }
  if (held->notAfterEpoch < now) {
    if (current_choice && current_choice->sha256 != held->sha256)
      r.plan.push_back("Now: put " + certificate_label(*current_choice) + " into Twilio's X.509 CERTIFICATE; the one "
                       "Twilio holds expired on " + date_of(held->notAfter) + ".");
    else
      r.plan.push_back("The certificate Twilio holds expired on " + date_of(held->notAfter) +
                       " and the metadata publishes no valid one: ask the IdP's admin for its current certificate.");
    return;
  }
  if (added.empty()) {
    r.plan.push_back("Nothing to change in Twilio's certificate: " + certificate_label(*held) +
                     " is still published. It expires on " + when(held->notAfterEpoch, now) +
                     (held->notAfterEpoch - now < kExpiringSoonWarning
                          ? "; ask the IdP's admin when it rolls over to a new one."
                          : "."));
    return;
  }
  // A rollover under way: the new certificate that lasts longest is the one to move to.
  const Certificate* next = *std::max_element(added.begin(), added.end(), [](const Certificate* a, const Certificate* b) {
    return a->notAfterEpoch < b->notAfterEpoch;
  });
  for (const Certificate* c : added)
    report.findings.add(Code::RolloverCertificateAdded,
                        "The identity provider now also publishes " + certificate_label(*c) + ", valid from " +
                            date_of(c->notBefore) + " to " + date_of(c->notAfter) +
                            ": it is preparing a certificate rollover (or has made one). Twilio holds one "
                            "certificate, so switch it when the IdP starts signing with the new one: the plan says "
                            "when.");
  if (next->notBeforeEpoch > now)
    r.plan.push_back("From " + when(next->notBeforeEpoch, now) + ": " + certificate_label(*next) +
                     " becomes valid; the IdP can sign with it from then.");
  r.plan.push_back("Until the IdP switches: keep " + certificate_label(*held) + " in Twilio; it expires on " +
                   when(held->notAfterEpoch, now) + ".");
  r.plan.push_back("When the IdP starts signing with " + certificate_label(*next) +
                   " (its admin picks the moment: agree on it, or paste a fresh login's SAML response here to see "
                   "which certificate signed it): put that certificate into Twilio's X.509 CERTIFICATE at once. "
                   "Between the two changes, logins fail.");
  r.plan.push_back("At the latest on " + date_of(held->notAfter) + ": the certificate Twilio holds expires then.");
}

void compare_metadata(const Report& previous, int64_t now, Report& report) {
  Rollover& r = *report.rollover;
  const IdentityProvider& before = *previous.idp;
  const IdentityProvider& after = *report.idp;
  const Certificate* held = twilio_choice(before);
  const std::string held_sha = held ? held->sha256 : "";
  for (const Certificate& c : before.signingCertificates)
    if (!c.error) add_certificate(r, c, true, find(after.signingCertificates, c.sha256) != nullptr, held_sha);
  std::vector<const Certificate*> added;
  for (const Certificate& c : after.signingCertificates) {
    if (c.error || find(before.signingCertificates, c.sha256)) continue;
    add_certificate(r, c, false, true, held_sha);
    if (std::none_of(added.begin(), added.end(), [&](const Certificate* a) { return a->sha256 == c.sha256; }))
      added.push_back(&c);
    r.changes.push_back({"signingCertificate", "added", std::nullopt, c.sha256});
  }
  for (const Certificate& c : before.signingCertificates) {
    if (c.error || find(after.signingCertificates, c.sha256)) continue;
    r.changes.push_back({"signingCertificate", "removed", c.sha256, std::nullopt});
    if (c.sha256 != held_sha)
      report.findings.add(Code::RolloverCertificateRemoved,
                          certificate_label(c) + " is no longer published. Twilio was not given it, so nothing "
                          "changes for Twilio.");
  }

  if (before.entityId != after.entityId) {
    r.changes.push_back({"entityId", "changed", before.entityId, after.entityId});
    report.findings.add(Code::RolloverEntityIdChanged,
                        "The entityID changed from \"" + before.entityId + "\" to \"" + after.entityId +
                            "\". Twilio compares every response's Issuer with its IDENTITY PROVIDER ISSUER: set it to "
                            "the new value when the IdP starts using it.");
    r.plan.push_back("When the IdP starts using its new entityID: set Twilio's IDENTITY PROVIDER ISSUER to \"" +
                     after.entityId + "\".");
  }
  const std::optional<std::string>& old_sso = previous.twilio.singleSignOnUrl;
  const std::optional<std::string>& new_sso = report.twilio.singleSignOnUrl;
  if (old_sso != new_sso) {
    r.changes.push_back({"singleSignOnUrl", "changed", old_sso, new_sso});
    report.findings.add(Code::RolloverSsoUrlChanged,
                        "The single sign-on URL Twilio uses changed from " + old_sso.value_or("(none)") + " to " +
                            new_sso.value_or("(none)") + ": Twilio sends users to the old one until its SINGLE "
                            "SIGN-ON URL is updated.");
    if (new_sso) r.plan.push_back("Set Twilio's SINGLE SIGN-ON URL to " + *new_sso + ".");
  }
  const std::set<std::string> old_bindings = bindings_of(before), new_bindings = bindings_of(after);
  const std::vector<std::string> bindings_added = minus(new_bindings, old_bindings), bindings_removed = minus(old_bindings, new_bindings);
  for (const std::string& b : bindings_added) r.changes.push_back({"ssoBinding", "added", std::nullopt, b});
  for (const std::string& b : bindings_removed) r.changes.push_back({"ssoBinding", "removed", b, std::nullopt});
  if (!bindings_added.empty() || !bindings_removed.empty())
    report.findings.add(Code::RolloverBindingsChanged,
                        "Single sign-on bindings " + std::string(bindings_added.empty() ? "" : "added: " + joined(bindings_added)) +
                            (bindings_added.empty() || bindings_removed.empty() ? "" : "; ") +
                            (bindings_removed.empty() ? "" : "removed: " + joined(bindings_removed)) + ".");
  const std::set<std::string> old_formats(before.nameIdFormats.begin(), before.nameIdFormats.end());
  const std::set<std::string> new_formats(after.nameIdFormats.begin(), after.nameIdFormats.end());
  const std::vector<std::string> formats_added = minus(new_formats, old_formats), formats_removed = minus(old_formats, new_formats);
  for (const std::string& f : formats_added) r.changes.push_back({"nameIdFormat", "added", std::nullopt, f});
  for (const std::string& f : formats_removed) r.changes.push_back({"nameIdFormat", "removed", f, std::nullopt});
  if (!formats_added.empty() || !formats_removed.empty())
    report.findings.add(Code::RolloverNameIdFormatsChanged,
                        "NameID formats " + std::string(formats_added.empty() ? "" : "added: " + joined(formats_added)) +
                            (formats_added.empty() || formats_removed.empty() ? "" : "; ") +
                            (formats_removed.empty() ? "" : "removed: " + joined(formats_removed)) +
                            ". Twilio's product decides the format it needs; check the IdP still sends it.");

  plan_certificates(held, added, twilio_choice(after), true, now, report);
  if (r.changes.empty())
    report.findings.add(Code::RolloverNoChange,
                        "Nothing Twilio uses differs between the two versions: same entityID, single sign-on URL, "
                        "bindings, NameID formats and signing certificates.");
}

void compare_certificate(const Certificate& held, int64_t now, Report& report) {
  Rollover& r = *report.rollover;
  const IdentityProvider& idp = *report.idp;
  add_certificate(r, held, true, find(idp.signingCertificates, held.sha256) != nullptr, held.sha256);
  std::vector<const Certificate*> others;
  for (const Certificate& c : idp.signingCertificates) {
    if (c.error) continue;
    add_certificate(r, c, false, true, held.sha256);
    if (c.sha256 != held.sha256 &&
        std::none_of(others.begin(), others.end(), [&](const Certificate* o) { return o->sha256 == c.sha256; }))
      others.push_back(&c);
  }
  // Published beside Twilio's: the rollover's next certificate. Not published: Twilio's is gone.
  const bool published = find(idp.signingCertificates, held.sha256) != nullptr;
  plan_certificates(&held, published ? others : std::vector<const Certificate*>(), twilio_choice(idp), false, now, report);
}
}  // namespace

void compare_versions(const Options& options, int64_t now, Report& report) {
  if (!report.idp || report.kind != InputKind::Metadata) return;
  const int given = choose_pasted_certificate(report.certificates);
  if (!options.previousMetadata.empty()) {
    std::string problem;
    const std::optional<Report> previous = read_previous(options, now, report.idp->entityId, problem);
    if (!previous) {
      report.findings.add(Code::RolloverPreviousUnreadable, Severity::Warning,
                          "The older version could not be compared: " + problem, "", "previousMetadata");
      return;
    }
    report.rollover.emplace();
    report.rollover->against = "metadata";
    compare_metadata(*previous, now, report);
  } else if (given >= 0) {
    report.rollover.emplace();
    report.rollover->against = "certificate";
    compare_certificate(report.certificates[static_cast<std::size_t>(given)], now, report);
  }
}

}  // namespace sso
