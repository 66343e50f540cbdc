#include "analyze.hpp"

#include <algorithm>
#include <cctype>
#include <ctime>

#include "analyze_steps.hpp"
#include "twilio/form_checks.hpp"
#include "x509/paste.hpp"
#include "input/input_kind.hpp"
#include "limits.hpp"
#include "input/text.hpp"
#include "twilio/profiles.hpp"

namespace sso {

Report analyze(std::string_view input, const Options& options) {
  std::string copy(input);
  return analyze_in_place(copy.data(), copy.size(), options);
}

Report analyze_in_place(char* input, std::size_t size, const Options& options) {
  Report report;
  report.bytes = size;
  const int64_t now = options.now ? *options.now : static_cast<int64_t>(std::time(nullptr));
  report.twilio.defaultRedirectUrl = options.redirectUrl;
  report.twilio.trustedDomains = options.trustedDomains;
  if (size > limits::kMaxInputBytes) {
    report.findings.add(Code::InputTooLarge, "The input is " + std::to_string(size >> 20) +
                                                 " MiB, over the limit of " +
                                                 std::to_string(limits::kMaxInputBytes >> 20) +
                                                 " MiB. Paste one entity's metadata instead of the whole aggregate.");
    report.findings.sort_by_severity();
    return report;
  }
  PreparedInput input_read;
  const PreparedInput* prepared = prepare_input(input, size, input_read, report.findings) ? &input_read : nullptr;
  if (prepared && trim(prepared->text()).empty()) {
    report.findings.add(Code::InputEmpty, "Nothing to analyse: paste your identity provider's SAML metadata (XML) or "
                                          "its signing certificate.");
  } else if (prepared && contains_private_key(prepared->text())) {
    // Refused before anything else reads it, so no part of it can reach the Report.
    report.findings.add(Code::InputPrivateKey,
                        "This is a private key. It was not read and is not shown. Never paste a private key into "
                        "any tool or form; Twilio needs only the certificate (-----BEGIN CERTIFICATE-----). If the "
                        "key was shared by mistake, consider it exposed and have it replaced.");
  } else if (prepared) {
    report.kind = detect_kind(*prepared);
    switch (report.kind) {
      case InputKind::Metadata: analyze_metadata(prepared->data, prepared->size, options, now, report); break;
      case InputKind::Certificate: analyze_certificates(*prepared, now, report); break;
      case InputKind::Unknown:
        report.findings.add(Code::InputUnknown,
                            "This is neither SAML metadata (XML starting with <) nor a certificate (-----BEGIN "
                            "CERTIFICATE----- or base64). Paste the IdP's metadata XML or its signing certificate.");
        break;
    }
  }
  if (options.friendlyName) report.twilio.friendlyName = options.friendlyName;
  if (report.kind != InputKind::Unknown && !report.findings.has(Code::InputPrivateKey)) check_form(options, report);
  report.serviceProvider = service_provider(options, now, report.findings);
  report.product = product_info(options.product);
  report.findings.sort_by_severity();
  return report;
}

}  // namespace sso
