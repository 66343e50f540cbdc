// The project's own JSON, checked against nlohmann::json (the tests' reference): the writer gives
// the bytes nlohmann's dump would give for the same Report, the reader reads what nlohmann reads
// and refuses what it refuses, and the response reader finds responses in HAR and SAML-tracer
// exports through it.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "input/json_reader.hpp"
#include "input/response_input.hpp"
#include "report/json.hpp"
#include "report/json_writer.hpp"
#include "test_support.hpp"

namespace {
using Ordered = nlohmann::ordered_json;

// Round trip through nlohmann: the same bytes back means the same layout and escaping (ASCII).
void check_layout(const std::string& written, int indent) {
  const Ordered parsed = Ordered::parse(written, nullptr, false);
  REQUIRE_FALSE(parsed.is_discarded());
  CHECK(parsed.dump(indent, ' ', /*ensure_ascii=*/true) == written);
}

std::vector<std::string> inputs_to_report() {
  namespace fs = std::filesystem;
  std::vector<std::string> inputs = {"", "not xml", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"};
  for (const char* folder : {"metadata", "responses", "certificates"}) {
    const fs::path dir = fs::path(test::fixtures_dir()) / folder;
    if (!fs::exists(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir))
      if (entry.is_regular_file()) inputs.push_back(test::read_file(entry.path().string()));
  }
  return inputs;
}
}  // namespace

TEST_CASE("Reports are written in nlohmann's layout, compact and indented") {
  sso::Options options;
  options.now = 1800000000;
  options.connectionId = "JQ0123456789abcdef0123456789abcdef";
  std::size_t checked = 0;
  for (const std::string& input : inputs_to_report()) {
    const sso::Report report = sso::analyze(input, options);
    check_layout(sso::report_json(report, -1), -1);
    check_layout(sso::report_json(report, 2), 2);
    ++checked;
  }
  CHECK(checked > 20);  // the fixtures were there
}

TEST_CASE("strings: escapes, control characters, ASCII only, invalid bytes replaced") {
  sso::JsonWriter w(-1);
  w.begin_array();
  w.value("quote \" backslash \\ slash / tab \t newline \n bell \x07 del \x7f");
  w.value("caf\xC3\xA9 \xF0\x9F\x94\x91");
  w.value(std::string("nul \0 inside", 12));
  w.end_array();
  const std::string out = w.take();
  check_layout(out, -1);
  CHECK(out.find("\\u0007") != std::string::npos);
  CHECK(out.find("\\u0000") != std::string::npos);
  // Beyond ASCII, escaped: U+00E9, and U+1F511 as its surrogate pair; nothing above 0x7F is left.
  CHECK(out.find("\"caf\\u00e9 \\ud83d\\udd11\"") != std::string::npos);
  CHECK(std::none_of(out.begin(), out.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
  CHECK(nlohmann::json::parse(out)[1] == "caf\xC3\xA9 \xF0\x9F\x94\x91");
  sso::JsonWriter bmp(-1);
  bmp.value("\xE2\x82\xAC\xEF\xBF\xBF\xE0\xA0\x80");  // three-byte sequences: U+20AC, U+FFFF, U+0800
  CHECK(bmp.take() == "\"\\u20ac\\uffff\\u0800\"");

  sso::JsonWriter bad(-1);
  bad.value("a\xFF" "b\xC3" "\xED\xA0\x80");  // not UTF-8: a stray byte, a cut sequence, a surrogate
  CHECK(bad.take() == "\"a\\ufffdb\\ufffd\\ufffd\\ufffd\\ufffd\"");
}

// The writer's own buffer: one value longer than any step of its growth, room asked for after
// writing or below what is written, an empty string view, and take() as the end of a writer.
TEST_CASE("the writer's buffer: long values, late or small reserves, empty values, take() twice") {
  sso::JsonWriter empty(-1);
  CHECK(empty.take().empty());
  CHECK(empty.take().empty());

  const std::string long_value(100000, 'x');
  sso::JsonWriter w(2);
  w.begin_object();
  w.key("short").value(std::string_view());  // a view of nothing, with no data behind it
  w.reserve(3);                                // below what is written: nothing changes
  w.key("long").value(long_value);             // far past the first step of growth
  w.reserve(1 << 20);                          // after writing: what was written stays
  w.key("after").value(int64_t{42});
  w.end_object();
  const std::string out = w.take();
  check_layout(out, 2);
  const nlohmann::json parsed = nlohmann::json::parse(out);
  CHECK(parsed["short"] == "");
  CHECK(parsed["long"] == long_value);
  CHECK(parsed["after"] == 42);
  CHECK(w.take().empty());  // taken: the writer is empty, and may write again
  w.value("again");
  CHECK(w.take() == "\"again\"");
}

TEST_CASE("the reader reads what nlohmann reads") {
  const std::string text =
      R"({"a": [1, -2.5e3, true, false, null, "x\u00e9\ud83d\udd11\n"], "b": {"c": {}}, "d": [], "a": "second"})";
  const std::optional<sso::JsonValue> v = sso::read_json(text);
  REQUIRE(v);
  REQUIRE(v->get("a"));
  CHECK(v->get("a")->items.size() == 6);  // the first of two members of one name
  CHECK(v->get("a")->items[1].text == "-2.5e3");
  CHECK(v->get("a")->items[5].text == "x\xC3\xA9\xF0\x9F\x94\x91\n");
  CHECK(v->get("a")->items[5].text == Ordered::parse(R"(["x\u00e9\ud83d\udd11\n"])")[0].get<std::string>());
  CHECK(v->get("b")->get("c")->is_object());
  CHECK(v->string_at("a") == std::nullopt);
  CHECK(v->get("missing") == nullptr);
}

TEST_CASE("the reader refuses what is not JSON, and nests no deeper than 64") {
  for (const std::string bad :
       {"", "{", "{\"a\" 1}", "[1,]", "{\"a\":1,}", "\"unterminated", "\"\\q\"", "\"\\ud800\"", "\"\\udc00\"",
        "\"tab\there\"", "tru", "[1] 2", "-", "{'a':1}"}) {
    CAPTURE(bad);
    CHECK_FALSE(sso::read_json(bad));
    CHECK(Ordered::parse(bad, nullptr, false).is_discarded());
  }
  CHECK(sso::read_json(std::string(64, '[') + std::string(64, ']')));
  CHECK_FALSE(sso::read_json(std::string(66, '[') + std::string(66, ']')));
  CHECK_FALSE(sso::read_json(std::string(100000, '[') + std::string(100000, ']')));
}

TEST_CASE("responses are found in HAR files and SAML-tracer exports") {
  const std::string xml = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_r\"/>";
  const std::string b64 = "PHNhbWxwOlJlc3BvbnNlIHhtbG5zOnNhbWxwPSJ1cm46b2FzaXM6bmFtZXM6dGM6U0FNTDoyLjA6cHJvdG9jb2wiIElEPSJfciIvPg==";
  const std::string har = R"({"log":{"entries":[
    {"startedDateTime":"t1","request":{"method":"GET","url":"https://idp/"}},
    {"startedDateTime":"t2","request":{"method":"POST","url":"https://sp/acs","postData":{"params":[{"name":"SAMLResponse","value":")" +
                          b64 + R"("}]}}},
    {"startedDateTime":"t3","request":{"method":"POST","url":"https://sp/acs2","postData":{"text":"RelayState=x&SAMLResponse=)" +
                          b64 + R"("}}}]}})";
  std::optional<sso::ResponseInput> in = sso::read_response_input(har, 2);
  REQUIRE(in);
  CHECK(in->format == "har");
  REQUIRE(in->captured.size() == 2);
  CHECK(in->captured[0].time == "t2");
  CHECK(in->captured[1].url == "https://sp/acs2");
  CHECK(in->picked == 1);
  CHECK(in->xml == xml);

  const std::string tracer = R"({"requests":[{"url":"https://sp/acs","timestamp":7,"post":[["RelayState","x"],["SAMLResponse",")" +
                             b64 + R"("]]},{"url":"https://sp/acs","saml":")" + R"(<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_r\"/>"}]})";
  in = sso::read_response_input(tracer, 0);
  REQUIRE(in);
  CHECK(in->format == "saml-tracer");
  REQUIRE(in->captured.size() == 2);
  CHECK(in->captured[0].time == std::nullopt);  // a number, not a string
  CHECK(in->captured[0].xml == xml);
  CHECK(in->captured[1].xml == xml);

  in = sso::read_response_input(R"({"log":{"entries":[]}})", 0);
  REQUIRE(in);
  CHECK(in->problem == "the HAR file holds no POST that carried a SAMLResponse");
  in = sso::read_response_input(har, 3);
  REQUIRE(in);
  CHECK(in->problem == "response 3 was asked for, and the capture holds 2");
  CHECK_FALSE(sso::read_response_input(R"({"other":1})", 0));
}
