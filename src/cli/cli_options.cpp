#include "cli/cli_options.hpp"

#include "clock.hpp"
#include "input/text.hpp"
#include "limits.hpp"

namespace sso::cli {

const char* usage() {
  return "usage: twilio-sso [options] [FILE|-]\n"
         "Reads SAML metadata or a certificate and prints the values for Twilio's Single Sign-On form; or reads\n"
         "the SAML response of a login (XML, base64, a POST body, a HAR file, a SAML-tracer export) and says\n"
         "why Twilio would reject it.\n\n"
         "  --json                       print the Report as JSON (default: text)\n"
         "  --entity ID                  pick an entity in an aggregate\n"
         "  --product flex|flex-legacy|console   the Twilio product (default flex)\n"
         "  --connection-id ID           Flex enhanced SSO (JQ...) or Console SSO connection id\n"
         "  --account-sid AC...          legacy Flex SSO\n"
         "  --friendly-name NAME         --redirect-url URL   --trusted-domain D (repeatable)\n"
         "  --issuer ISSUER  --sso-url URL   values you have, checked (against the metadata if given)\n"
         "  --certificate FILE           check this certificate against the metadata; trust it for a response\n"
         "  --metadata FILE              a response's IdP metadata: its signing certificates and entityID\n"
         "  --signer FILE                the certificate that signs the metadata (a federation's): verify with it\n"
         "  --compare OLD NEW            compare two versions of the IdP's metadata (certificate rollover)\n"
         "  --pick N                     the Nth response of a HAR or SAML-tracer export (default 1)\n"
         "  --show-c14n                  print the canonical bytes of a signature whose digest fails\n"
         "  --now 2026-11-28T00:00:00Z   the clock, for tests\n"
         "  --list-findings              print the finding catalogue as Markdown\n"
         "  --read-urls                  read JSON strings, one a line, and print how each URL is read\n"
         "  --canonicalize METHOD        print the file's canonical form (c14n, c14n-comments, exc-c14n,\n"
         "                               exc-c14n-comments) [--c14n-id ID] [--c14n-prefixes \"a b\"]\n\n"
         "Exit status: 0 no error finding, 1 at least one, 2 could not run.\n";
}

CommandLine parse_command_line(const std::vector<std::string>& args) {
  CommandLine cl;
  bool file_seen = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) {
        cl.error = a + " needs a value";
        return false;
      }
      out = args[++i];
      return true;
    };
    std::string v;
    if (a == "--json") {
      cl.json = true;
    } else if (a == "--read-urls") {
      cl.readUrls = true;
    } else if (a == "--list-findings") {
      cl.listFindings = true;
    } else if (a == "--help" || a == "-h") {
      cl.help = true;
    } else if (a == "--entity") {
      if (!value(cl.options.entity)) return cl;
    } else if (a == "--certificate") {
      if (!value(cl.certificateFile)) return cl;
    } else if (a == "--canonicalize") {
      if (!value(cl.canonicalize)) return cl;
    } else if (a == "--c14n-id") {
      if (!value(cl.canonicalizeId)) return cl;
    } else if (a == "--c14n-prefixes") {
      if (!value(cl.canonicalizePrefixes)) return cl;
    } else if (a == "--metadata") {
      if (!value(cl.metadataFile)) return cl;
    } else if (a == "--signer") {
      if (!value(cl.signerFile)) return cl;
    } else if (a == "--compare") {
      // --compare OLD NEW: the older version, then the current one (the input).
      if (!value(cl.previousFile)) return cl;
      if (i + 1 >= args.size() || (args[i + 1].size() > 1 && args[i + 1][0] == '-')) {
        cl.error = "--compare takes two files: the older version, then the current one";
        return cl;
      }
      if (file_seen) {
        cl.error = "only one input file";
        return cl;
      }
      cl.file = args[++i];
      file_seen = true;
    } else if (a == "--show-c14n") {
      cl.showCanonical = true;
      cl.options.showCanonical = true;
    } else if (a == "--pick") {
      if (!value(v)) return cl;
      const std::optional<uint32_t> n = read_decimal(v, limits::kMaxPick);
      if (!n || *n == 0) {
        cl.error = "--pick takes a number from 1";
        return cl;
      }
      cl.options.pick = *n;
    } else if (a == "--product") {
      if (!value(cl.options.product)) return cl;
    } else if (a == "--connection-id") {
      if (!value(cl.options.connectionId)) return cl;
    } else if (a == "--account-sid") {
      if (!value(cl.options.accountSid)) return cl;
    } else if (a == "--friendly-name") {
      if (!value(v)) return cl;
      cl.options.friendlyName = v;
    } else if (a == "--issuer") {
      if (!value(v)) return cl;
      cl.options.issuer = v;
    } else if (a == "--sso-url") {
      if (!value(v)) return cl;
      cl.options.ssoUrl = v;
    } else if (a == "--redirect-url") {
      if (!value(v)) return cl;
      cl.options.redirectUrl = v;
    } else if (a == "--trusted-domain") {
      if (!value(v)) return cl;
      cl.options.trustedDomains.push_back(v);
    } else if (a == "--now") {
      if (!value(v)) return cl;
      const std::optional<int64_t> now = parse_xs_datetime(v);
      if (!now) {
        cl.error = "--now takes a time such as 2026-11-28T00:00:00Z";
        return cl;
      }
      cl.options.now = now;
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      cl.error = "unknown option " + a;
      return cl;
    } else if (file_seen) {
      cl.error = "only one input file";
      return cl;
    } else {
      cl.file = a;
      file_seen = true;
    }
  }
  return cl;
}

}  // namespace sso::cli
