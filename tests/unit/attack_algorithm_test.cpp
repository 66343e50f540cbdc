// Algorithms and transforms outside the accepted set: refused by name before any key is used
// (HMAC keyed with a public certificate is a known forgery; XPath and XSLT let a signature cover
// something else than the element; external and Manifest references are not the element).
#include <doctest/doctest.h>

#include "attack_support.hpp"

using attack::replace_once;
using attack::verify;

namespace {
const std::string kSha256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
const std::string kExc = "<ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>";

void check_unsupported(const std::string& xml, const std::string& named) {
  const sso::Report r = verify(xml);
  CHECK(test::severity_of(r, "signature.unsupported") == "error");
  CHECK_MESSAGE(test::message_of(r, "signature.unsupported").find(named) != std::string::npos, named);
  CHECK_FALSE(attack::any_verified(r));
}
}  // namespace

TEST_CASE("signature methods: HMAC and DSA refused by name") {
  const std::string xml = test::fixture("responses/assertion-only.xml");
  check_unsupported(replace_once(xml, kSha256, "http://www.w3.org/2000/09/xmldsig#hmac-sha1"), "HMAC");
  check_unsupported(replace_once(xml, kSha256, "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256"), "HMAC");
  check_unsupported(replace_once(xml, kSha256, "http://www.w3.org/2000/09/xmldsig#dsa-sha1"), "DSA");
  check_unsupported(replace_once(xml, kSha256, "urn:made-up"), "urn:made-up");
}

TEST_CASE("transforms: XPath, XPath Filter 2, XSLT, base64, C14N 1.1 refused by name") {
  const std::string xml = test::fixture("responses/assertion-only.xml");
  for (const auto& transform :
       {std::pair{"http://www.w3.org/TR/1999/REC-xpath-19991116", "XPath"},
        std::pair{"http://www.w3.org/2002/06/xmldsig-filter2", "XPath Filter 2.0"},
        std::pair{"http://www.w3.org/TR/1999/REC-xslt-19991116", "XSLT"},
        std::pair{"http://www.w3.org/2000/09/xmldsig#base64", "base64"},
        std::pair{"http://www.w3.org/2006/12/xml-c14n11", "Canonical XML 1.1"}}) {
    const char* const uri = transform.first;  // not a structured binding: CAPTURE takes it in a lambda
    const char* const named = transform.second;
    CAPTURE(uri);
    check_unsupported(replace_once(xml, kExc, kExc + "<ds:Transform Algorithm=\"" + uri + "\"/>"), named);
    check_unsupported(replace_once(xml, kExc, std::string("<ds:Transform Algorithm=\"") + uri + "\"/>"), named);
  }
}

TEST_CASE("references: external, XPointer, to a Manifest or an Object; no enveloped transform") {
  const std::string xml = test::fixture("responses/assertion-only.xml");
  const std::size_t at = xml.find("URI=\"#");
  const std::string uri = xml.substr(at, xml.find('"', at + 5) - at + 1);
  check_unsupported(replace_once(xml, uri, "URI=\"https://evil.example/a.xml\""), "external");
  check_unsupported(replace_once(xml, uri, "URI=\"#xpointer(/)\""), "XPointer");
  check_unsupported(replace_once(xml, uri, uri + " Type=\"http://www.w3.org/2000/09/xmldsig#Manifest\""), "Manifest");
  check_unsupported(replace_once(xml, uri, uri + " Type=\"http://www.w3.org/2000/09/xmldsig#Object\""), "Object");
  check_unsupported(replace_once(xml, "<ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>", ""),
                    "enveloped");
  check_unsupported(replace_once(xml, "</ds:SignatureValue>",
                                 "</ds:SignatureValue><ds:Object><x/></ds:Object>"),
                    "ds:Object");
  check_unsupported(replace_once(xml, "<ds:SignatureMethod Algorithm=\"" + kSha256 + "\"/>",
                                 "<ds:SignatureMethod Algorithm=\"" + kSha256 + "\"><ds:HMACOutputLength>8</ds:HMACOutputLength></ds:SignatureMethod>"),
                    "algorithm");
}

TEST_CASE("every accepted digest and canonicalization is named in the Report") {
  const sso::Report r = verify(test::fixture("responses/rsa-sha256-exc-prefixlist.xml"));
  REQUIRE(r.response);
  REQUIRE(r.response->signatures.size() == 2);
  for (const sso::ResponseSignature& s : r.response->signatures) {
    CHECK(s.signatureAlgorithm == kSha256);
    CHECK(s.digestAlgorithm == "http://www.w3.org/2001/04/xmlenc#sha256");
    CHECK(s.verified == true);
  }
}
