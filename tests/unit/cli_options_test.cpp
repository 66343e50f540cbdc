// The command line of twilio-sso: each option lands in its field, and every usage error is named
// (exit 2) rather than guessed at.
#include <doctest/doctest.h>

#include "cli/cli_options.hpp"

using sso::cli::parse_command_line;

TEST_CASE("every option lands in its field") {
  const auto cl = parse_command_line({"--json", "--entity", "https://idp/", "--product", "console", "--connection-id",
                                      "JQ1", "--account-sid", "AC1", "--friendly-name", "Corp", "--issuer", "https://i/",
                                      "--sso-url", "https://s/", "--redirect-url", "https://r/", "--trusted-domain",
                                      "a.example", "--trusted-domain", "b.example", "--certificate", "c.pem",
                                      "--metadata", "m.xml", "--pick", "3", "--show-c14n", "--now",
                                      "2026-11-28T00:00:00Z", "response.txt"});
  CHECK(cl.error.empty());
  CHECK(cl.json);
  CHECK(cl.options.entity == "https://idp/");
  CHECK(cl.options.product == "console");
  CHECK(cl.options.connectionId == "JQ1");
  CHECK(cl.options.accountSid == "AC1");
  CHECK(cl.options.friendlyName == "Corp");
  CHECK(cl.options.issuer == "https://i/");
  CHECK(cl.options.ssoUrl == "https://s/");
  CHECK(cl.options.redirectUrl == "https://r/");
  CHECK(cl.options.trustedDomains == std::vector<std::string>{"a.example", "b.example"});
  CHECK(cl.certificateFile == "c.pem");
  CHECK(cl.metadataFile == "m.xml");
  CHECK(cl.options.pick == 3);
  CHECK(cl.showCanonical);
  CHECK(cl.options.showCanonical);
  CHECK(cl.options.now == 1795824000);
  CHECK(cl.file == "response.txt");
}

TEST_CASE("defaults: standard input, text, nothing set") {
  const auto cl = parse_command_line({});
  CHECK(cl.error.empty());
  CHECK(cl.file == "-");
  CHECK_FALSE(cl.json);
  CHECK_FALSE(cl.options.issuer);
  CHECK_FALSE(cl.options.now);
  CHECK(parse_command_line({"-"}).file == "-");
  CHECK(parse_command_line({"-h"}).help);
  CHECK(parse_command_line({"--list-findings"}).listFindings);
  CHECK(parse_command_line({"--read-urls"}).readUrls);
  // An empty value is a value: the admin asked for an empty issuer, and is told what that means.
  CHECK(parse_command_line({"--issuer", ""}).options.issuer == std::string());
}

TEST_CASE("the diagnostic canonicalizer's options") {
  const auto cl = parse_command_line({"--canonicalize", "exc-c14n", "--c14n-id", "_a", "--c14n-prefixes", "xs #default", "f.xml"});
  CHECK(cl.error.empty());
  CHECK(cl.canonicalize == "exc-c14n");
  CHECK(cl.canonicalizeId == "_a");
  CHECK(cl.canonicalizePrefixes == "xs #default");
}

TEST_CASE("usage errors are named") {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--entity"}, "--entity needs a value"},
      {{"--metadata"}, "--metadata needs a value"},
      {{"--pick", "0"}, "--pick takes a number from 1"},
      {{"--pick", "two"}, "--pick takes a number from 1"},
      {{"--pick", "99999999"}, "--pick takes a number from 1"},
      {{"--now", "yesterday"}, "--now takes a time such as 2026-11-28T00:00:00Z"},
      {{"--verbose"}, "unknown option --verbose"},
      {{"a.xml", "b.xml"}, "only one input file"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.first.front());
    CHECK(parse_command_line(c.first).error == c.second);
  }
}
