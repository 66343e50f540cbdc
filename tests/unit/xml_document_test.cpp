#include <doctest/doctest.h>

#include "xml/document.hpp"

namespace {
std::optional<sso::XmlProblem> parse(const std::string& text) {
  sso::XmlDocument doc;
  return doc.parse(text);
}

const char* kMd = "xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"";
}  // namespace

TEST_CASE("elements are matched by namespace, never by prefix") {
  sso::XmlDocument doc;
  const std::string text = std::string("<x:EntitiesDescriptor xmlns:x=\"urn:oasis:names:tc:SAML:2.0:metadata\">") +
                           "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"a\"/>" +
                           "<md:EntityDescriptor xmlns:md=\"urn:other\" entityID=\"b\"/>" +
                           "<ns0:EntityDescriptor xmlns:ns0=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"c\"/>" +
                           "</x:EntitiesDescriptor>";
  REQUIRE_FALSE(doc.parse(text));
  REQUIRE(doc.entity_descriptors().size() == 2);
  CHECK(std::string(doc.entity_descriptors()[0].attribute("entityID").value()) == "a");
  CHECK(std::string(doc.entity_descriptors()[1].attribute("entityID").value()) == "c");
  CHECK(sso::namespace_uri(doc.root()) == sso::ns::kMetadata);
}

TEST_CASE("undeclared prefixes are not namespace-valid") {
  const auto problem = parse("<md:EntityDescriptor entityID=\"a\"/>");
  REQUIRE(problem);
  CHECK(problem->code == sso::Code::XmlMalformed);
  CHECK(problem->message.find("prefix \"md\"") != std::string::npos);
  CHECK(parse(std::string("<md:E ") + kMd + " ds:x=\"1\"/>")->message.find("attribute ds:x") != std::string::npos);
}

TEST_CASE("names with more than one colon, or an empty part, are not namespace-valid") {
  CHECK(parse("<a:b:c xmlns:a=\"urn:u\"/>")->message.find("more than one ':'") != std::string::npos);
  CHECK(parse("<:a/>"));
  CHECK(parse("<a xmlns:p=\"urn:u\" p:x:y=\"1\"/>"));
  CHECK_FALSE(parse("<a xmlns:p=\"urn:u\" p:x=\"1\"/>"));
}

TEST_CASE("duplicate attributes, by name or by namespace, are refused") {
  CHECK(parse("<a x=\"1\" x=\"2\"/>"));
  CHECK(parse("<a xmlns:p=\"urn:u\" xmlns:q=\"urn:u\" p:x=\"1\" q:x=\"2\"/>"));
  CHECK_FALSE(parse("<a xmlns:p=\"urn:u\" xmlns:q=\"urn:v\" p:x=\"1\" q:x=\"2\"/>"));
}

TEST_CASE("a DOCTYPE or entity declaration is refused before parsing, with its place") {
  const auto problem = parse("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>");
  REQUIRE(problem);
  CHECK(problem->code == sso::Code::XmlDoctype);
  CHECK(problem->message.find("line 2, column 1") != std::string::npos);
  CHECK(parse("<x><!ENTITY a \"b\"></x>")->code == sso::Code::XmlDoctype);
}

TEST_CASE("document-level rules pugixml leaves to us") {
  CHECK(parse("<a/><b/>")->message.find("junk after document element at line 1, column 5") != std::string::npos);
  CHECK(parse("<!-- c -->\n<?xml version=\"1.0\"?><a/>")->message.find("declaration") != std::string::npos);
  CHECK_FALSE(parse("<?xml version=\"1.0\"?>\n<!-- c --><a/>"));
  CHECK(parse("<a/>text"));
  CHECK(parse(std::string("<a>\0</a>", 8))->message.find("U+0000") != std::string::npos);
  CHECK(parse("<a><b></a>")->code == sso::Code::XmlMalformed);
  CHECK(parse("")->code == sso::Code::XmlMalformed);
}

TEST_CASE("nesting deeper than the limit is a finding, not a stack overflow") {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  for (int i = 0; i < 100000; ++i) deep += "</a>";
  const auto problem = parse(deep);
  REQUIRE(problem);
  CHECK(problem->code == sso::Code::XmlTooDeep);
}

TEST_CASE("line and column count characters, from 1") {
  CHECK(sso::line_column("ab\ncd", 4) == "line 2, column 2");
  CHECK(sso::line_column("\xC3\xA9x", 2) == "line 1, column 2");
}

TEST_CASE("references: the five entities and character references decoded, others refused") {
  sso::XmlDocument doc;
  REQUIRE_FALSE(doc.parse("<a href=\"https://x/?a=1&amp;b=&#50;&#x33;\" t=\"&lt;&gt;&quot;&apos;\">A&amp;B &#xE9;<![CDATA[&raw;]]></a>"));
  CHECK(std::string(sso::attribute_value(doc.root(), "href")) == "https://x/?a=1&b=23");
  CHECK(std::string(sso::attribute_value(doc.root(), "t")) == "<>\"'");
  CHECK(std::string(doc.root().first_child().value()) == "A&B \xC3\xA9");
  CHECK(std::string(doc.root().last_child().value()) == "&raw;");  // CDATA stays as written
  CHECK(parse("<a>&foo;</a>")->message.find("&foo;") != std::string::npos);
  CHECK(parse("<a b=\"&nbsp;\"/>")->message.find("not defined") != std::string::npos);
  CHECK(parse("<a>&#0;</a>"));
  CHECK(parse("<a>&#xD800;</a>"));
  CHECK(parse("<a>& b</a>"));
  CHECK(parse("<a b=\"<\"/>")->message.find("'<' in the value") != std::string::npos);
  CHECK(parse("<a>x ]]> y</a>"));
  // A namespace declared with a reference still resolves.
  REQUIRE_FALSE(doc.parse("<x:EntityDescriptor xmlns:x=\"urn:oasis:names:tc:SAML:2.0:&#109;etadata\" entityID=\"e\"/>"));
  CHECK(doc.entity_descriptors().size() == 1);
}
