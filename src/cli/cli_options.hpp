// The command line of twilio-sso, parsed into Options (see DESIGN.md, "The CLI").
#pragma once

#include <string>
#include <vector>

#include "options.hpp"

namespace sso::cli {

struct CommandLine {
  Options options;
  bool json = false;
  bool listFindings = false;
  bool readUrls = false;  // diagnostic: JSON strings in, one a line; how each URL is read, out
  bool help = false;
  std::string file = "-";
  std::string certificateFile;  // --certificate FILE: read into options.certificate
  std::string metadataFile;     // --metadata FILE: read into options.metadata
  std::string signerFile;       // --signer FILE: read into options.signer
  std::string previousFile;     // --compare OLD NEW: OLD, read into options.previousMetadata
  bool showCanonical = false;   // --show-c14n: print the canonical bytes of a failed digest
  // Diagnostic (the c14n differential test): --canonicalize METHOD [--c14n-id ID] [--c14n-prefixes "a b"]
  std::string canonicalize;     // the algorithm URI, or c14n | c14n-comments | exc-c14n | exc-c14n-comments
  std::string canonicalizeId;
  std::string canonicalizePrefixes;
  std::string error;  // set: a usage error, exit 2
};

CommandLine parse_command_line(const std::vector<std::string>& args);
const char* usage();

}  // namespace sso::cli
