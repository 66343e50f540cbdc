// The generic XML layer: well-formedness and namespace checks pugixml leaves to us, values as
// XML reads them, and exact places after parsing in place.
#include <doctest/doctest.h>

#include <filesystem>
#include <memory>

#include "saml/metadata.hpp"
#include "saml/namespaces.hpp"
#include "xml/document.hpp"
#include "xml/names.hpp"
#include "test_support.hpp"

namespace {
using Status = sso::XmlParseResult::Status;

// A document with the text it was parsed from (parsing writes into it).
struct Parsed {
  std::string text;
  sso::XmlDocument doc;
  sso::XmlParseResult result;
};

std::unique_ptr<Parsed> parse(const std::string& text, bool keep_whitespace = false) {
  auto p = std::make_unique<Parsed>();
  p->text = text;
  p->result = p->doc.parse(p->text.data(), p->text.size(), {keep_whitespace});
  return p;
}

const char* kMd = "xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"";
}  // namespace

TEST_CASE("elements are matched by namespace, never by prefix") {
  const auto p = parse(std::string("<x:EntitiesDescriptor xmlns:x=\"urn:oasis:names:tc:SAML:2.0:metadata\">") +
                       "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"a\"/>" +
                       "<md:EntityDescriptor xmlns:md=\"urn:other\" entityID=\"b\"/>" +
                       "<ns0:EntityDescriptor xmlns:ns0=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"c\"/>" +
                       "</x:EntitiesDescriptor>");
  REQUIRE(p->result);
  const std::vector<pugi::xml_node> entities = sso::entity_descriptors(p->doc.root());
  REQUIRE(entities.size() == 2);
  CHECK(std::string(entities[0].attribute("entityID").value()) == "a");
  CHECK(std::string(entities[1].attribute("entityID").value()) == "c");
  CHECK(sso::namespace_uri(p->doc.root()) == sso::ns::kMetadata);
}

TEST_CASE("the entities listed by the checks' walk are those a walk of their own finds") {
  const auto collect = [](const std::string& text) {
    auto p = std::make_unique<Parsed>();
    p->text = text;
    p->result = p->doc.parse(p->text.data(), p->text.size(), {false, sso::ns::kMetadata, "EntityDescriptor"});
    return p;
  };
  // By namespace, never by prefix; a default namespace undeclared, or bound by a reference; nested
  // wherever they are; and a name that only ends like the one sought.
  const std::string text = std::string("<x:EntitiesDescriptor xmlns:x=\"urn:oasis:names:tc:SAML:2.0:metadata\">") +
                           "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"a\"/>" +
                           "<md:EntityDescriptor xmlns:md=\"urn:other\" entityID=\"b\"/>" +
                           "<x:EntitiesDescriptor><x:EntityDescriptor entityID=\"c\"><x:Extensions>" +
                           "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:&#109;etadata\" entityID=\"d\"/>" +
                           "</x:Extensions></x:EntityDescriptor></x:EntitiesDescriptor>" +
                           "<x:MyEntityDescriptor entityID=\"e\"/><EntityDescriptor entityID=\"f\" xmlns=\"\"/>" +
                           "<x:xEntityDescriptor/><xml:EntityDescriptor/></x:EntitiesDescriptor>";
  const auto p = collect(text);
  REQUIRE(p->result);
  const std::vector<pugi::xml_node>& listed = p->doc.collected();
  REQUIRE(listed.size() == 3);
  CHECK(std::string(listed[0].attribute("entityID").value()) == "a");
  CHECK(std::string(listed[1].attribute("entityID").value()) == "c");
  CHECK(std::string(listed[2].attribute("entityID").value()) == "d");
  CHECK(listed == sso::entity_descriptors(p->doc.root()));
  // Nothing asked, nothing listed; a document refused lists nothing either.
  CHECK(parse(text)->doc.collected().empty());
  CHECK(collect(text + "<junk/>")->doc.collected().empty());
  // Every XML file of the fixtures, and of the interop corpus where it is present.
  std::size_t files = 0, entities = 0;
  const auto sweep = [&](const std::string& dir) {
    std::error_code error;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, error)) {
      if (entry.path().extension() != ".xml") continue;
      const auto q = collect(test::read_file(entry.path().string()));
      if (!q->result) continue;
      ++files;
      entities += q->doc.collected().size();
      CHECK_MESSAGE(q->doc.collected() == sso::entity_descriptors(q->doc.root()), entry.path().string());
    }
  };
  sweep(test::fixtures_dir());
  if (test::interop_present()) sweep(test::interop_dir());
  CHECK(files > 50);
  CHECK(entities > files / 2);
  MESSAGE(files << " XML files, " << entities << " entities listed alike");
}

TEST_CASE("a long list read in two halves, the second beside, is the list read in one") {
  // 1,200 entities (above kListBesideFrom): IdPs with and without a signing certificate, SPs,
  // a SAML 1.1-only IdP, and one entityID twice (the first is the one chosen by it).
  const std::string pem = test::fixture("certs/okta-76col.pem");
  REQUIRE(!pem.empty());
  std::string body;
  for (const char c : pem.substr(pem.find('\n') + 1, pem.find("-----END") - pem.find('\n') - 1))
    if (c != '\n' && c != '\r') body += c;
  const std::size_t count = 1200;
  static_assert(1200 >= sso::kListBesideFrom);
  std::string text = "<EntitiesDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" "
                     "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">";
  const std::string idp_open = "<IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">";
  for (std::size_t i = 0; i < count; ++i) {
    const std::string id = i == 1001 ? "https://idp.example/twice" : "https://idp.example/" + std::to_string(i);
    text += "<EntityDescriptor entityID=\"" + id + "\">";
    if (i % 5 == 0) {
      text += "<SPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>";
    } else if (i == 7) {
      text += "<IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:1.1:protocol\"/>";
    } else {
      text += idp_open;
      if (i % 3 == 0)
        text += "<KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + body +
                "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></KeyDescriptor>";
      text += "<SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" "
              "Location=\"https://idp.example/sso/" + std::to_string(i) + "\"/></IDPSSODescriptor>";
    }
    if (i % 4 == 0) text += "<Organization><OrganizationDisplayName>Org " + std::to_string(i) + "</OrganizationDisplayName></Organization>";
    text += "</EntityDescriptor>";
    if (i == 1100)
      text += "<EntityDescriptor entityID=\"https://idp.example/twice\">" + idp_open +
              "<SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" "
              "Location=\"https://idp.example/sso/second\"/></IDPSSODescriptor></EntityDescriptor>";
  }
  text += "</EntitiesDescriptor>";
  auto p = std::make_unique<Parsed>();
  p->text = text;
  p->result = p->doc.parse(p->text.data(), p->text.size(), {false, sso::ns::kMetadata, "EntityDescriptor"});
  REQUIRE(p->result);
  const std::vector<pugi::xml_node>& entities = p->doc.collected();
  REQUIRE(entities.size() == count + 1);
  const auto same = [](const sso::MetadataRead& a, const sso::MetadataRead& b) {
    REQUIRE(a.entities.size() == b.entities.size());
    for (std::size_t i = 0; i < a.entities.size(); ++i) {
      const sso::Entity &x = a.entities[i], &y = b.entities[i];
      CHECK(x.entityId == y.entityId);
      CHECK(x.name == y.name);
      CHECK(x.idp == y.idp);
      CHECK(x.sp == y.sp);
      CHECK(x.saml2 == y.saml2);
      CHECK(x.signingSha256 == y.signingSha256);
    }
    CHECK(a.saml2IdpIds == b.saml2IdpIds);
    CHECK(a.samlOneOnlyIdps == b.samlOneOnlyIdps);
    CHECK(a.spDescriptors == b.spDescriptors);
    CHECK(a.entityIdTrimmed == b.entityIdTrimmed);
    REQUIRE(a.idp.has_value() == b.idp.has_value());
    if (a.idp) {
      CHECK(a.idp->entityId == b.idp->entityId);
      REQUIRE(a.idp->ssoServices.size() == b.idp->ssoServices.size());
      CHECK(a.idp->ssoServices.front().location == b.idp->ssoServices.front().location);
      CHECK(a.idp->signingCertificates.size() == b.idp->signingCertificates.size());
    }
  };
  // The first IdP; one in the first half; one in the second; the one listed twice; one absent.
  for (const std::string wanted : {"", "https://idp.example/3", "https://idp.example/1098", "https://idp.example/twice",
                                   "https://idp.example/absent"}) {
    CAPTURE(wanted);
    const sso::MetadataRead one = sso::read_metadata(entities, wanted, false);
    const sso::MetadataRead two = sso::read_metadata(entities, wanted, true);
    same(one, two);
    CHECK(one.entities.size() == count + 1);
    CHECK(one.idp.has_value() == (wanted != "https://idp.example/absent"));
  }
  const sso::MetadataRead read = sso::read_metadata(entities, "https://idp.example/1098", true);
  REQUIRE(read.idp);
  CHECK(read.idp->ssoServices.front().location == "https://idp.example/sso/1098");
  CHECK(read.idp->signingCertificates.size() == 1);
  CHECK(read.entities[1098].signingSha256.has_value());
  CHECK(!read.entities[1099].signingSha256.has_value());
  CHECK(read.entities[1100].sp);
  CHECK(read.entities[7].idp);
  CHECK(!read.entities[7].saml2);
  CHECK(read.samlOneOnlyIdps == 1);
  CHECK(read.spDescriptors == count / 5);
  CHECK(read.entities[1000].name == std::optional<std::string>("Org 1000"));
  // The entityID listed twice: the first of the two is chosen, by either reading.
  const sso::MetadataRead twice = sso::read_metadata(entities, "https://idp.example/twice", true);
  REQUIRE(twice.idp);
  CHECK(twice.idp->ssoServices.front().location == "https://idp.example/sso/1001");
}

TEST_CASE("undeclared prefixes are not namespace-valid") {
  const auto p = parse("<md:EntityDescriptor entityID=\"a\"/>");
  CHECK(p->result.status == Status::NotNamespaceValid);
  CHECK(p->result.description.find("prefix \"md\"") != std::string::npos);
  CHECK(parse(std::string("<md:E ") + kMd + " ds:x=\"1\"/>")->result.description.find("attribute ds:x") != std::string::npos);
}

TEST_CASE("names with more than one colon, or an empty part, are not namespace-valid") {
  CHECK(parse("<a:b:c xmlns:a=\"urn:u\"/>")->result.description.find("more than one ':'") != std::string::npos);
  CHECK_FALSE(parse("<:a/>")->result);
  CHECK_FALSE(parse("<a xmlns:p=\"urn:u\" p:x:y=\"1\"/>")->result);
  CHECK(parse("<a xmlns:p=\"urn:u\" p:x=\"1\"/>")->result);
}

TEST_CASE("duplicate attributes, by name or by namespace, are refused") {
  CHECK_FALSE(parse("<a x=\"1\" x=\"2\"/>")->result);
  CHECK_FALSE(parse("<a xmlns:p=\"urn:u\" xmlns:q=\"urn:u\" p:x=\"1\" q:x=\"2\"/>")->result);
  CHECK_FALSE(parse("<a xmlns:p=\"urn:u\" xmlns:q=\"urn:&#117;\" p:x=\"1\" q:x=\"2\"/>")->result);
  CHECK(parse("<a xmlns:p=\"urn:u\" xmlns:q=\"urn:v\" p:x=\"1\" q:x=\"2\"/>")->result);
}

TEST_CASE("a DOCTYPE or entity declaration is refused before parsing, with its place") {
  const auto p = parse("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>");
  CHECK(p->result.status == Status::Doctype);
  CHECK(p->result.line == 2);
  CHECK(p->result.column == 1);
  CHECK(parse("<x><!ENTITY a \"b\"></x>")->result.status == Status::Doctype);
  // Wherever it sits in the pass's eight-byte words, in any case, and ahead of a control
  // character before it; a '!' elsewhere is only text.
  for (std::size_t pad = 0; pad < 9; ++pad) {
    const auto q = parse(std::string("<x>\x01") + std::string(pad, ' ') + "\n<!doctype x></x>");
    CHECK(q->result.status == Status::Doctype);
    CHECK(q->result.line == 2);
  }
  CHECK(parse("<x>Hi!<!-- ! --><![CDATA[!]]></x>")->result);
  CHECK(parse("!<x/>")->result.description.find("text outside the root") != std::string::npos);
}

TEST_CASE("document-level rules pugixml leaves to us") {
  CHECK(parse("<a/><b/>")->result.description.find("junk after document element at line 1, column 5") != std::string::npos);
  CHECK(parse("<!-- c -->\n<?xml version=\"1.0\"?><a/>")->result.description.find("declaration") != std::string::npos);
  CHECK(parse("<?xml version=\"1.0\"?>\n<!-- c --><a/>")->result);
  CHECK(parse("\n  <a/>\n", true)->result);  // white space around the root is not text
  CHECK_FALSE(parse("<a/>text")->result);
  CHECK(parse(std::string("<a>\0</a>", 8))->result.description.find("U+0000") != std::string::npos);
  CHECK(parse("<a><b></a>")->result.status == Status::Malformed);
  CHECK(parse("")->result.status == Status::Malformed);
}

TEST_CASE("nesting deeper than the limit is a finding, not a stack overflow") {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  for (int i = 0; i < 100000; ++i) deep += "</a>";
  CHECK(parse(deep)->result.status == Status::TooDeep);
}

TEST_CASE("places count lines and characters from 1, exactly, though the text was parsed in place") {
  // Every line break here is one that parsing in place overwrites with a terminator.
  const auto p = parse("<a\nx=\"1\"\n>\xC3\xA9<b\n/>\n\xC3\xA9\xC3\xA9<c:d/></a>");
  REQUIRE(p->result.status == Status::NotNamespaceValid);
  CHECK(p->result.line == 5);
  CHECK(p->result.column == 3);
  CHECK(p->result.offset == std::string("<a\nx=\"1\"\n>\xC3\xA9<b\n/>\n\xC3\xA9\xC3\xA9").size());
  // Line ends and references normalized before a later error do not move it either.
  const auto q = parse("<a t=\"x&#233;\r\ny\">&amp;&#x10000;\r\n\xC3\xA9<c:d/></a>");
  REQUIRE(q->result.status == Status::NotNamespaceValid);
  CHECK(q->result.line == 3);
  CHECK(q->result.column == 2);
}

TEST_CASE("the pass before parsing sees every line feed however close, and only the bytes it stops at") {
  // Several stops in one eight-byte word, at every alignment: each line feed counts.
  for (std::size_t stride = 1; stride <= 9; ++stride) {
    for (std::size_t pad = 0; pad < 8; ++pad) {
      std::string text = "<a>" + std::string(pad, 'x');
      for (int line = 0; line < 12; ++line) text += std::string(stride - 1, 'y') + "\n";
      const auto p = parse(text + "<c:d/></a>");
      REQUIRE(p->result.status == Status::NotNamespaceValid);
      CHECK(p->result.line == 13);
      CHECK(p->result.column == 1);
    }
  }
  // Bytes beyond ASCII whose low seven bits are a stop ('!', '&', ']', a line feed, a control
  // character) are UTF-8, never stops: no reference looked for, no line counted.
  const std::string lookalikes = "\xC2\xA1\xC2\xA6\xC3\x8A\xDD\x9D\xC2\x81";  // U+00A1 U+00A6 U+00CA U+075D U+0081
  for (std::size_t pad = 0; pad < 8; ++pad) {
    const auto p = parse("<a>" + std::string(pad, 'x') + lookalikes + "<c:d/></a>");
    REQUIRE(p->result.status == Status::NotNamespaceValid);
    CHECK(p->result.line == 1);
    CHECK(p->result.column == 4 + pad + 5);
    CHECK(parse("<a>" + std::string(pad, 'x') + lookalikes + "</a>")->result);
  }
  // Nor are the bytes just above a stop ("\n ", "\t ", "! ", "]\\"), which a borrow from it would
  // wrongly mark as stops (a space taken for a control character).
  for (std::size_t pad = 0; pad < 8; ++pad) {
    const auto p = parse("<a>" + std::string(pad, 'x') + "\n \t Hi! ]\\ \n<c:d/></a>");
    REQUIRE(p->result.status == Status::NotNamespaceValid);
    CHECK(p->result.line == 3);
  }
  // Line feeds on both sides of a stop in the same word, at every alignment (the pass records
  // those before the stop, then the rest when it goes on from it): each counted once.
  for (std::size_t pad = 0; pad < 17; ++pad) {
    const auto p = parse("<a>" + std::string(pad, 'x') + "\n&amp;\n\n]\n!\n\r\n\t\n<c:d/></a>");
    REQUIRE(p->result.status == Status::NotNamespaceValid);
    CHECK(p->result.line == 8);
    CHECK(p->result.column == 1);
  }
  // A control character and a declaration in the same word: the declaration is refused first.
  CHECK(parse("<x>\x01<!DOCTYPE x></x>")->result.status == Status::Doctype);
  CHECK(parse("<x>\x02\x01</x>")->result.description.find("U+0002") != std::string::npos);
}

TEST_CASE("values as XML reads them: references, line ends, attribute white space") {
  const auto p = parse("<a href=\"https://x/?a=1&amp;b=&#50;&#x33;\" t=\"&lt;&gt;&quot;&apos;\" w=\"1\r\n2\t3&#10;4\">"
                       "A&amp;B &#xE9;\r\nC<![CDATA[&raw;\r\n]]><!--c\r\n--></a>");
  REQUIRE(p->result);
  const pugi::xml_node root = p->doc.root();
  CHECK(std::string(sso::attribute_value(root, "href")) == "https://x/?a=1&b=23");
  CHECK(std::string(sso::attribute_value(root, "t")) == "<>\"'");
  CHECK(std::string(sso::attribute_value(root, "w")) == "1 2 3\n4");
  CHECK(std::string(root.first_child().value()) == "A&B \xC3\xA9\nC");
  CHECK(std::string(root.first_child().next_sibling().value()) == "&raw;\n");  // CDATA stays as written
  CHECK(std::string(root.last_child().value()) == "c\n");
  CHECK(parse("<a>&foo;</a>")->result.description.find("&foo;") != std::string::npos);
  CHECK(parse("<a b=\"&nbsp;\"/>")->result.description.find("not defined") != std::string::npos);
  CHECK_FALSE(parse("<a>&#0;</a>")->result);
  CHECK_FALSE(parse("<a>&#xD800;</a>")->result);
  CHECK_FALSE(parse("<a>& b</a>")->result);
  CHECK(parse("<a b=\"<\"/>")->result.description.find("'<' in the value") != std::string::npos);
  CHECK_FALSE(parse("<a>x ]]> y</a>")->result);
  CHECK_FALSE(parse("<a>x ]]]> y</a>")->result);
  CHECK_FALSE(parse("<a>]]></a>")->result);
  CHECK(parse("<a>x ]] y ]</a>")->result);  // "]]" and "]" alone are text
  CHECK(parse("<a b=\"]]>\">]&gt;</a>")->result);  // in an attribute, and escaped, they are allowed
  CHECK(parse("<a b=\"x\" c=\"y&lt;z\"/>")->result);
  CHECK(parse("<a b=\"x\" c=\"y<z\"/>")->result.description.find("'<' in the value of attribute c") != std::string::npos);
  // Text is looked at again only where the whole document holds '&', a carriage return or "]]>":
  // wherever in an eight-byte word the one such byte sits, and whatever else holds the others.
  for (std::size_t pad = 0; pad < 16; ++pad) {
    const std::string before(pad, 'x');
    CHECK(parse("<a>" + before + "&bad;</a>")->result.description.find("&bad;") != std::string::npos);
    CHECK_FALSE(parse("<a>" + before + "]]></a>")->result);
    const auto cr = parse("<a>" + before + "\r</a>");
    REQUIRE(cr->result);
    if (pad > 0) CHECK(std::string(cr->doc.root().first_child().value()) == before + "\n");  // (white space alone is dropped)
  }
  CHECK_FALSE(parse("<a><![CDATA[x]]><b>]]></b></a>")->result);  // a CDATA end, and "]]>" in text after it
  CHECK(parse("<a b=\"&amp;\">x<!--\r--></a>")->doc.root().last_child().value() == std::string("\n"));
  // A namespace declared with a reference still resolves.
  const auto q = parse("<x:EntityDescriptor xmlns:x=\"urn:oasis:names:tc:SAML:2.0:&#109;etadata\" entityID=\"e\"/>");
  REQUIRE(q->result);
  CHECK(sso::entity_descriptors(q->doc.root()).size() == 1);
}

TEST_CASE("white-space text is kept only when asked (canonicalization needs it)") {
  const std::string text = "<a>\n  <b>x</b>\n</a>";
  CHECK(parse(text, false)->doc.root().first_child().type() == pugi::node_element);
  CHECK(parse(text, true)->doc.root().first_child().type() == pugi::node_pcdata);
}

TEST_CASE("element text joins its pieces and says when something cut it") {
  const auto p = parse("<r><a>one<!-- x -->two</a><b><!-- x -->three</b><c>fo<![CDATA[ur]]></c></r>");
  REQUIRE(p->result);
  const pugi::xml_node a = p->doc.root().first_child();
  CHECK(sso::element_text(a).text == "onetwo");
  CHECK(sso::element_text(a).interrupted);
  CHECK(sso::element_text(a.next_sibling()).text == "three");
  CHECK_FALSE(sso::element_text(a.next_sibling()).interrupted);
  CHECK(sso::element_text(p->doc.root().last_child()).text == "four");
}

TEST_CASE("an element's namespace: its own prefix resolved through its ancestors, compared whole") {
  auto p = parse(
      "<md:a xmlns:mdui='urn:u' xmlns:md='urn:m' xmlns='urn:d'>"
      "<mdui:b/><md:c><x xmlns=''><md:y/></x></md:c><d/><xml:e/><m:g xmlns:m='urn:m'/><md:h xmlns:md='urn:other'/>"
      "</md:a>");
  REQUIRE(p->result.status == Status::Ok);
  const pugi::xml_node a = p->doc.root();
  const auto at = [&](const char* path) { return a.first_element_by_path(path); };
  struct Case {
    pugi::xml_node node;
    const char* uri;
  };
  const Case cases[] = {{a, "urn:m"},           {at("mdui:b"), "urn:u"},  {at("md:c"), "urn:m"},
                        {at("md:c/x"), ""},     {at("md:c/x/md:y"), "urn:m"}, {at("d"), "urn:d"},
                        {at("xml:e"), sso::ns::kXml}, {at("m:g"), "urn:m"},
                        {at("md:h"), "urn:other"}};
  for (const Case& c : cases) {
    REQUIRE(c.node);
    CAPTURE(c.node.name());
    CHECK(sso::namespace_uri(c.node) == c.uri);
    CHECK(sso::namespace_is(c.node, c.uri));
    // A URI that is the start of the right one, or longer by a byte, is another namespace.
    const std::string uri = c.uri;
    if (!uri.empty()) CHECK_FALSE(sso::namespace_is(c.node, uri.substr(0, uri.size() - 1).c_str()));
    CHECK_FALSE(sso::namespace_is(c.node, (uri + "x").c_str()));
  }
  CHECK(sso::is_element(at("mdui:b"), "urn:u", "b"));
  CHECK_FALSE(sso::is_element(at("mdui:b"), "urn:m", "b"));  // "md" is not "mdui"
  // The shorter prefix declared first, then the longer: each element still finds its own.
  auto q = parse("<r xmlns:md='urn:m' xmlns:mdui='urn:u'><mdui:b/><md:c/></r>");
  REQUIRE(q->result.status == Status::Ok);
  CHECK(sso::namespace_uri(q->doc.root().child("mdui:b")) == "urn:u");
  CHECK(sso::namespace_is(q->doc.root().child("mdui:b"), "urn:u"));
  CHECK(sso::namespace_uri(q->doc.root().child("md:c")) == "urn:m");
}
