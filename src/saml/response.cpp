#include "saml/response.hpp"

#include <algorithm>

#include "clock.hpp"
#include "input/text.hpp"
#include "input/xml_problem.hpp"
#include "limits.hpp"
#include "saml/namespaces.hpp"
#include "xml/document.hpp"
#include "xml/names.hpp"

namespace sso {

namespace {
std::optional<std::string> attribute(pugi::xml_node e, const char* name) {
  const char* v = attribute_value(e, name);
  return v ? std::optional<std::string>(v) : std::nullopt;
}

std::optional<std::string> child_text(pugi::xml_node parent, const char* ns_uri, const char* local) {
  const pugi::xml_node c = child_element(parent, ns_uri, local);
  return c ? std::optional<std::string>(std::string(trim(element_text(c).text))) : std::nullopt;
}

// Every element with this name anywhere under `root`, in document order.
std::vector<pugi::xml_node> descendants(pugi::xml_node root, const char* ns_uri, const char* local) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node n = root.first_child(); n;) {
    if (is_element(n, ns_uri, local)) out.push_back(n);
    if (pugi::xml_node c = n.first_child()) {
      n = c;
      continue;
    }
    while (n && n != root && !n.next_sibling()) n = n.parent();
    n = n && n != root ? n.next_sibling() : pugi::xml_node();
  }
  return out;
}

ResponseStatus read_status(pugi::xml_node response) {
  ResponseStatus status;
  const pugi::xml_node s = child_element(response, ns::kProtocol, "Status");
  const pugi::xml_node code = child_element(s, ns::kProtocol, "StatusCode");
  status.code = attribute_value(code, "Value") ? attribute_value(code, "Value") : "";
  const pugi::xml_node sub = child_element(code, ns::kProtocol, "StatusCode");
  status.subCode = attribute(sub, "Value");
  status.message = child_text(s, ns::kProtocol, "StatusMessage");
  return status;
}

void read_assertion(pugi::xml_node a, Assertion& out, ResponseRead& read) {
  out.id = attribute(a, "ID");
  out.issuer = child_text(a, ns::kAssertion, "Issuer");
  const pugi::xml_node subject = child_element(a, ns::kAssertion, "Subject");
  if (const pugi::xml_node name_id = child_element(subject, ns::kAssertion, "NameID")) {
    // Read whole, comments and all: a comment inside cuts the text for lax readers (CVE-2017-11428).
    const ElementText text = element_text(name_id);
    for (pugi::xml_node c = name_id.first_child(); c; c = c.next_sibling())
      read.commentInNameId |= c.type() != pugi::node_pcdata && c.type() != pugi::node_cdata;
    out.nameId = std::string(trim(text.text));
    out.nameIdFormat = attribute(name_id, "Format");
  }
  for_each_child_element(subject, ns::kAssertion, "SubjectConfirmation", [&](pugi::xml_node sc) {
    const pugi::xml_node data = child_element(sc, ns::kAssertion, "SubjectConfirmationData");
    if (!data || out.recipient) return;
    out.recipient = attribute(data, "Recipient");
    out.subjectNotOnOrAfter = attribute(data, "NotOnOrAfter");
    out.subjectInResponseTo = attribute(data, "InResponseTo");
  });
  const pugi::xml_node conditions = child_element(a, ns::kAssertion, "Conditions");
  out.notBefore = attribute(conditions, "NotBefore");
  out.notOnOrAfter = attribute(conditions, "NotOnOrAfter");
  for_each_child_element(conditions, ns::kAssertion, "AudienceRestriction", [&](pugi::xml_node r) {
    for_each_child_element(r, ns::kAssertion, "Audience",
                           [&](pugi::xml_node au) { out.audiences.emplace_back(trim(element_text(au).text)); });
  });
  const pugi::xml_node authn = child_element(a, ns::kAssertion, "AuthnStatement");
  out.authnInstant = attribute(authn, "AuthnInstant");
  out.sessionNotOnOrAfter = attribute(authn, "SessionNotOnOrAfter");
  for_each_child_element(a, ns::kAssertion, "AttributeStatement", [&](pugi::xml_node st) {
    for_each_child_element(st, ns::kAssertion, "Attribute", [&](pugi::xml_node at) {
      SamlAttribute attr;
      attr.name = attribute_value(at, "Name") ? attribute_value(at, "Name") : "";
      attr.nameFormat = attribute(at, "NameFormat");
      attr.friendlyName = attribute(at, "FriendlyName");
      for_each_child_element(at, ns::kAssertion, "AttributeValue",
                             [&](pugi::xml_node v) { attr.values.push_back(element_text(v).text); });
      if (out.attributes.size() < limits::kMaxAttributes) out.attributes.push_back(std::move(attr));
      else read.attributesCapped = true;
    });
  });
}

void add_time(std::vector<TimelineEntry>& timeline, const char* what, const std::optional<std::string>& at, int64_t now) {
  if (!at) return;
  const std::optional<int64_t> t = parse_xs_datetime(*at);
  timeline.push_back({what, *at, t ? relative_time(*t, now) : "not a date and time"});
}
}  // namespace

bool read_response(char* xml, std::size_t size, const std::vector<TrustedCertificate>& trusted, int64_t now,
                   Report& report, ResponseRead& read) {
  XmlDocument doc;
  if (const XmlParseResult parsed = doc.parse(xml, size, {true}); !parsed) {
    report_xml_problem(parsed, report.findings);
    return false;
  }
  const pugi::xml_node root = doc.root();
  if (!is_element(root, ns::kProtocol, "Response")) {
    report.findings.add(Code::ResponseNotSaml2,
                        "This is a <" + std::string(root.name()) + "> in namespace " +
                            std::string(namespace_uri(root)) + ", not a SAML 2.0 Response (" + ns::kProtocol +
                            "). Twilio takes SAML 2.0 only: set the application to SAML 2.0 in your identity provider.");
    return false;
  }
  read.trusted = !trusted.empty();
  SamlResponse response;
  response.id = attribute(root, "ID");
  response.issuer = child_text(root, ns::kAssertion, "Issuer");
  response.destination = attribute(root, "Destination");
  response.inResponseTo = attribute(root, "InResponseTo");
  response.issueInstant = attribute(root, "IssueInstant");
  response.status = read_status(root);

  // Structure first: what an attacker would shape to make us read something else than was signed.
  const IdIndex ids(root.root());
  for (const std::string& id : ids.duplicates())
    read.wrapping.push_back(std::to_string(ids.count(id)) + " elements carry the same ID \"" + id + "\"");
  const std::vector<pugi::xml_node> assertions = descendants(root.root(), ns::kAssertion, "Assertion");
  std::vector<pugi::xml_node> direct;
  for_each_child_element(root, ns::kAssertion, "Assertion", [&](pugi::xml_node a) { direct.push_back(a); });
  const std::vector<pugi::xml_node> encrypted = descendants(root.root(), ns::kAssertion, "EncryptedAssertion");
  if (assertions.size() > 1)
    read.wrapping.push_back(std::to_string(assertions.size()) + " Assertion elements (a response carries one)");
  else if (assertions.size() == 1 && direct.empty())
    read.wrapping.push_back("the Assertion sits inside <" + std::string(assertions[0].parent().name()) +
                            ">, not directly in the Response");

  // Every signature: those on the Response or its Assertion are checked; any other is wrapping.
  std::vector<pugi::xml_node> placed;
  for (pugi::xml_node sig : descendants(root.root(), ns::kDsig, "Signature")) {
    const pugi::xml_node parent = sig.parent();
    const bool on_response = parent == root;
    const bool on_assertion = is_element(parent, ns::kAssertion, "Assertion") && parent.parent() == root;
    // One signature per element: a second one is either a wrapping attempt or a way to make the
    // verifier canonicalize the document again and again.
    const bool second = std::any_of(placed.begin(), placed.end(), [&](pugi::xml_node p) { return p.parent() == parent; });
    if ((on_response || on_assertion) && second) {
      read.wrapping.push_back("<" + std::string(parent.name()) + "> carries more than one Signature");
    } else if (on_response || on_assertion) {
      placed.push_back(sig);
    } else {
      read.wrapping.push_back("a Signature sits inside <" + std::string(parent.name()) +
                              ">, where no signature of this response belongs");
    }
  }
  SignatureOptions sig_options;
  sig_options.keepCanonical = true;
  pugi::xml_node covered_assertion;
  for (pugi::xml_node sig : placed) {
    SignatureOutcome outcome{verify_signature(sig, ids, trusted, sig_options), sig.parent() == root ? "response" : "assertion"};
    const SignatureCheck& c = outcome.check;
    ResponseSignature rs;
    rs.element = outcome.element;
    rs.referenceId = c.referenceUri.empty() ? "" : c.referenceUri.substr(1);
    rs.verified = c.verified;
    rs.intact = c.intact;
    if (!c.reason.empty()) rs.reason = c.reason;
    rs.signatureAlgorithm = c.signatureAlgorithm;
    rs.digestAlgorithm = c.digestAlgorithm;
    rs.keyInfoSha256 = c.keyInfoSha256;
    rs.verifiedWithSha256 = c.verifiedWithSha256;
    if (c.refusal == SignatureCheck::Refusal::None && !c.digestMatches) rs.canonical = c.canonical;
    response.signatures.push_back(std::move(rs));
    // The element a verified signature covers: the Response (and so its one Assertion), or the Assertion.
    if (c.verified == true && read.wrapping.empty()) {
      if (c.signedElement == root && direct.size() == 1) covered_assertion = direct[0];
      if (c.signedElement != root) covered_assertion = c.signedElement;
    }
    read.signatures.push_back(std::move(outcome));
  }

  // The assertion: from what a verified signature covers when one does; else, not signed, the
  // Response's own (never one found elsewhere in the document).
  const pugi::xml_node assertion = covered_assertion ? covered_assertion : (direct.size() == 1 ? direct[0] : pugi::xml_node());
  if (assertion) {
    Assertion a;
    read_assertion(assertion, a, read);
    a.signedByVerified = static_cast<bool>(covered_assertion);
    response.assertion = std::move(a);
  } else if (!encrypted.empty()) {
    Assertion a;
    a.encrypted = true;
    response.assertion = std::move(a);
  }

  add_time(response.timeline, "Response IssueInstant", response.issueInstant, now);
  if (response.assertion && !response.assertion->encrypted) {
    const Assertion& a = *response.assertion;
    add_time(response.timeline, "Conditions NotBefore", a.notBefore, now);
    add_time(response.timeline, "Conditions NotOnOrAfter", a.notOnOrAfter, now);
    add_time(response.timeline, "SubjectConfirmationData NotOnOrAfter", a.subjectNotOnOrAfter, now);
    add_time(response.timeline, "AuthnInstant", a.authnInstant, now);
    add_time(response.timeline, "SessionNotOnOrAfter", a.sessionNotOnOrAfter, now);
  }
  report.response = std::move(response);
  return true;
}

}  // namespace sso
