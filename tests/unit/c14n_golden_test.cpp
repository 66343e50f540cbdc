// Canonical XML as golden files (tests/c14n/): NAME.xml and the exact canonical bytes each method
// gives, NAME.c14n, NAME.c14n-comments, NAME.exc-c14n, NAME.exc-c14n-comments; NAME.id names the
// apex of a subtree (the whole document otherwise). The cases are the W3C specifications' own
// examples where they fit, and a few more; tests/differential/c14n_lxml.py checks thousands of
// generated documents against lxml.
#include <doctest/doctest.h>

#include <filesystem>

#include "test_support.hpp"
#include "xml/c14n.hpp"
#include "xml/document.hpp"
#include "xml/signature.hpp"

TEST_CASE("canonical XML: the golden files") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(TESTS_DATA_DIR).parent_path() / "c14n";
  const std::pair<const char*, sso::C14nMethod> methods[] = {
      {".c14n", sso::C14nMethod::Inclusive}, {".c14n-comments", sso::C14nMethod::InclusiveWithComments},
      {".exc-c14n", sso::C14nMethod::Exclusive}, {".exc-c14n-comments", sso::C14nMethod::ExclusiveWithComments}};
  std::size_t compared = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".xml") continue;
    const fs::path base = entry.path().parent_path() / entry.path().stem();
    for (const auto& [suffix, method] : methods) {
      const fs::path expected_file = base.string() + suffix;
      if (!fs::exists(expected_file)) continue;
      const std::string name = expected_file.filename().string();
      CAPTURE(name);
      std::string text = test::read_file(entry.path().string());
      sso::XmlDocument doc;
      REQUIRE(doc.parse(text.data(), text.size(), {true}));
      pugi::xml_node apex = doc.document();
      if (const std::string id = test::read_file(base.string() + ".id"); !id.empty()) {
        const sso::IdIndex ids(doc.document());
        apex = ids.unique(id.substr(0, id.find_last_not_of(" \n") + 1));
        REQUIRE(apex);
      }
      sso::C14nRequest request;
      request.method = method;
      sso::StringSink sink;
      sso::canonicalize(apex, request, sink);
      CHECK(sink.text == test::read_file(expected_file.string()));
      ++compared;
    }
  }
  MESSAGE("canonical forms compared with golden files: " << compared);
  CHECK(compared >= 24);
}

// Many declarations and attributes given out of order: canonical XML sorts declarations by prefix
// and attributes by namespace URI, then local name (the URIs here sort the other way round from
// their prefixes). The expected order is worked out here with std::sort.
TEST_CASE("canonical XML: sixty attributes and twenty declarations, given shuffled, come out sorted") {
  struct Attr {
    std::string uri, local, qname;
  };
  std::vector<std::pair<std::string, std::string>> declarations;  // prefix, URI
  for (int p = 0; p < 20; ++p) {
    const std::string n = (p < 10 ? "0" : "") + std::to_string(p), m = (p > 9 ? "" : "1") + std::to_string(19 - p);
    declarations.push_back({"p" + n, "urn:z" + m});
  }
  std::vector<Attr> attributes;
  for (int k = 0; k < 60; ++k) {
    if (k % 4 == 0) {
      attributes.push_back({"", "a" + std::to_string(k), "a" + std::to_string(k)});
    } else {
      const auto& [prefix, uri] = declarations[k % 20];
      attributes.push_back({uri, "b" + std::to_string(k), prefix + ":b" + std::to_string(k)});
    }
  }
  std::string text = "<e";
  for (int i = 0; i < 20; ++i) {  // declarations in a shuffled order
    const auto& [prefix, uri] = declarations[(i * 7) % 20];
    text += " xmlns:" + prefix + "=\"" + uri + "\"";
  }
  for (int i = 0; i < 60; ++i) text += " " + attributes[(i * 37) % 60].qname + "=\"v\"";  // shuffled too
  text += "/>";

  std::sort(declarations.begin(), declarations.end());
  std::sort(attributes.begin(), attributes.end(),
            [](const Attr& a, const Attr& b) { return a.uri != b.uri ? a.uri < b.uri : a.local < b.local; });
  std::string expected = "<e";
  for (const auto& [prefix, uri] : declarations) expected += " xmlns:" + prefix + "=\"" + uri + "\"";
  for (const Attr& a : attributes) expected += " " + a.qname + "=\"v\"";
  expected += "></e>";

  sso::XmlDocument doc;
  REQUIRE(doc.parse(text.data(), text.size(), {true}));
  sso::C14nRequest request;
  request.method = sso::C14nMethod::Inclusive;
  sso::StringSink sink;
  sso::canonicalize(doc.document(), request, sink);
  CHECK(sink.text == expected);
}
