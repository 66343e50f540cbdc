#include "saml/response_analysis.hpp"

#include "input/input_kind.hpp"
#include "input/text.hpp"
#include "saml/metadata_analysis.hpp"
#include "saml/namespaces.hpp"
#include "saml/trust.hpp"
#include "x509/certificate.hpp"
#include "x509/certificate_input.hpp"
#include "x509/paste.hpp"
#include "xml/document.hpp"
#include "xml/names.hpp"

namespace sso {

namespace {
// Issuer and Destination of a captured response, for the list to pick from (a light read).
void peek(const std::string& xml, CapturedResponse& out) {
  std::string copy = xml;
  XmlDocument doc;
  if (!doc.parse(copy.data(), copy.size())) return;
  const pugi::xml_node root = doc.root();
  if (const char* d = attribute_value(root, "Destination")) out.destination = d;
  if (const pugi::xml_node issuer = child_element(root, ns::kAssertion, "Issuer"))
    out.issuer = std::string(trim(element_text(issuer).text));
}

// The Issuer of the response, read without verifying anything: only to pick, in a metadata
// aggregate, the IdP whose certificates to trust.
std::string issuer_of(const std::string& xml) {
  CapturedResponse c;
  peek(xml, c);
  return c.issuer.value_or("");
}

void add_trusted(const std::vector<Certificate>& certs, std::vector<TrustedCertificate>& trusted) {
  for (TrustedCertificate& t : trusted_from(certs)) trusted.push_back(std::move(t));
}
}  // namespace

bool analyze_response(ResponseInput& input, const Options& options, int64_t now, Report& report,
                      ResponseAnalysis& analysis) {
  report.kind = InputKind::Response;
  if (!input.captured.empty()) {
    Capture capture;
    capture.format = input.format;
    capture.picked = input.picked + 1;
    for (std::size_t i = 0; i < input.captured.size(); ++i) {
      CapturedResponse c;
      c.number = i + 1;
      c.time = input.captured[i].time;
      c.url = input.captured[i].url;
      peek(input.captured[i].xml, c);
      capture.responses.push_back(std::move(c));
    }
    report.capture = std::move(capture);
  }
  if (!input.problem.empty()) {
    report.findings.add(Code::ResponseNoneFound, "No SAML response to read: " + input.problem + ".");
    return false;
  }
  // Decoded from base64 or an export, so not yet checked as the pasted text was.
  if (const std::size_t bad = invalid_utf8_offset(input.xml); bad != std::string_view::npos) {
    report.findings.add(Code::InputInvalidUtf8, "The decoded SAML response is not valid UTF-8 (first bad byte at offset " +
                                                    std::to_string(bad) + "). SAML responses are UTF-8; the capture "
                                                    "may be cut short or re-encoded: copy the SAMLResponse again.");
    return false;
  }

  // What the admin trusts: the IdP's metadata (the IdP that issued this response, in an
  // aggregate), and any certificate given.
  std::vector<TrustedCertificate> trusted;
  if (!options.metadata.empty()) {
    std::string metadata = options.metadata;
    analyze_metadata(metadata.data(), metadata.size(), options, now, report, issuer_of(input.xml));
    if (report.idp) add_trusted(report.idp->signingCertificates, trusted);
  }
  if (!options.certificate.empty()) {
    const std::size_t first = report.certificates.size();
    read_pasted_certificates(options.certificate, report);
    add_trusted(std::vector<Certificate>(report.certificates.begin() + static_cast<std::ptrdiff_t>(first),
                                         report.certificates.end()),
                trusted);
  }
  if (!read_response(input.xml.data(), input.xml.size(), trusted, now, report, analysis.read)) return false;
  if (options.issuer) {
    analysis.expectedIssuer = std::string(trim(*options.issuer));
    analysis.issuerSource = "the issuer configured in Twilio";
  } else if (report.idp) {
    analysis.expectedIssuer = report.idp->entityId;
    analysis.issuerSource = "the metadata's entityID";
  }
  return true;
}

}  // namespace sso
