#include "analyze.hpp"

#include <ctime>

#include "input/input_kind.hpp"
#include "input/response_input.hpp"
#include "input/text.hpp"
#include "limits.hpp"
#include "saml/metadata_analysis.hpp"
#include "saml/response_analysis.hpp"
#include "twilio/form_checks.hpp"
#include "twilio/given_certificate.hpp"
#include "twilio/idp_setup.hpp"
#include "twilio/profiles.hpp"
#include "twilio/response_checks.hpp"
#include "twilio/rollover.hpp"
#include "twilio/values.hpp"
#include "x509/certificate_input.hpp"
#include "x509/paste.hpp"

namespace sso {

namespace {
// What was pasted, read into the Report; false when nothing usable was (the finding says why).
bool read_input(char* input, std::size_t size, const Options& options, int64_t now, Report& report,
                std::optional<ResponseAnalysis>& response) {
  PreparedInput prepared;
  if (!prepare_input(input, size, prepared, report.findings)) return false;
  if (trim(prepared.text()).empty()) {
    report.findings.add(Code::InputEmpty, "Nothing to analyse: paste your identity provider's SAML metadata (XML), "
                                          "its signing certificate, or the SAML response of a login that failed.");
    return false;
  }
  if (contains_private_key(prepared.text())) {
    // Refused before anything else reads it, so no part of it can reach the Report.
    report.discard.push_back("input");
    report.findings.add(Code::InputPrivateKey,
                        "This is a private key. It was not read and is not shown. Never paste a private key into "
                        "any tool or form; Twilio needs only the certificate (-----BEGIN CERTIFICATE-----). If the "
                        "key was shared by mistake, consider it exposed and have it replaced.");
    return false;
  }
  // A SAML response in any of its forms (never taken for a certificate, though base64 like one).
  if (std::optional<ResponseInput> in = read_response_input(prepared.text(), options.pick)) {
    response.emplace();
    if (analyze_response(*in, options, now, report, *response)) return true;
    response.reset();
    return false;
  }
  report.kind = detect_kind(prepared);
  switch (report.kind) {
    case InputKind::Metadata: analyze_metadata(prepared.data, prepared.size, options, now, report); break;
    case InputKind::Certificate: read_pasted_certificates(prepared.text(), report); break;
    case InputKind::Response:
    case InputKind::Unknown:
      report.findings.add(Code::InputUnknown,
                          "This is not SAML metadata, a certificate nor a SAML response. Paste the IdP's metadata "
                          "XML, its signing certificate (-----BEGIN CERTIFICATE----- or base64), or the SAMLResponse "
                          "of a failed login (base64, XML, a HAR file or a SAML-tracer export).");
      return false;
  }
  return true;
}

// The certificate the admin has, to compare with the metadata's: read like a pasted one.
// (For a response, the certificate is what its signatures are verified with: read there.)
void read_given_certificate(const Options& options, Report& report) {
  if (options.certificate.empty()) return;
  if (contains_private_key(options.certificate)) {
    report.discard.push_back("certificate");
    report.findings.add(Code::InputPrivateKey,
                        "The certificate given is a private key. It was not read and is not shown. Give the "
                        "certificate (-----BEGIN CERTIFICATE-----) instead; if the key was shared by mistake, "
                        "have it replaced.");
    return;
  }
  if (report.idp && report.kind != InputKind::Response) read_pasted_certificates(options.certificate, report);
}

// An option that holds a private key is emptied before anything reads it, and named for the
// front end to clear.
void refuse_private_key(std::string& option, const char* name, const char* what, Report& report) {
  if (!contains_private_key(option)) return;
  option.clear();
  report.discard.push_back(name);
  report.findings.add(Code::InputPrivateKey, std::string("What you gave as ") + what +
                                                 " is a private key. It was not read and is not shown. Never share a "
                                                 "private key; if it was shared by mistake, have it replaced.");
}
}  // namespace

Report analyze(std::string_view input, const Options& options) {
  std::string copy(input);
  return analyze_in_place(copy.data(), copy.size(), options);
}

Report analyze_in_place(char* input, std::size_t size, const Options& options) {
  Report report;
  report.bytes = size;
  report.products = product_catalogue();
  report.product = product_info(options.product);
  const int64_t now = options.now ? *options.now : static_cast<int64_t>(std::time(nullptr));
  bool usable = false;
  std::optional<ResponseAnalysis> response;
  // A private key given in an option is refused first, whatever the input.
  Options checked = options;
  if (contains_private_key(options.certificate)) checked.certificate.clear();
  refuse_private_key(checked.signer, "signer", "the certificate to verify the metadata's signature with", report);
  refuse_private_key(checked.previousMetadata, "previousMetadata", "the older version of the metadata", report);
  if (size > limits::kMaxInputBytes) {
    report.findings.add(Code::InputTooLarge, "The input is " + std::to_string(size >> 20) + " MiB, over the limit of " +
                                                 std::to_string(limits::kMaxInputBytes >> 20) +
                                                 " MiB. Paste one entity's metadata instead of the whole aggregate.");
  } else {
    usable = read_input(input, size, checked, now, report, response);
    read_given_certificate(options, report);
  }
  assemble_twilio_values(options, now, report);
  if (usable) compare_versions(checked, now, report);
  // Twilio's own values first (the response checks compare with them); their findings after.
  Findings service_provider_findings;
  report.serviceProvider = service_provider(options, now, service_provider_findings);
  if (usable) {
    if (response) check_response(options, response->read, response->expectedIssuer, response->issuerSource, now, report);
    check_given_certificate(report, now, report.findings);
    check_form(options, report, report.findings);
  }
  report.findings.append(service_provider_findings);
  if (response) set_response_verdict(response->read.trusted, report);
  if (report.product) report.idpSetup = idp_setup(options, report);
  report.findings.sort_by_severity();
  return report;
}

}  // namespace sso
