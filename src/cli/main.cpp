// twilio-sso: the native command-line tool over analyze().
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analyze.hpp"
#include "cli/cli_options.hpp"
#include "limits.hpp"
#include "cli/canonicalize.hpp"
#include "cli/url_diagnostics.hpp"
#include "report/json.hpp"
#include "cli/huge_pages.hpp"
#include "cli/read_input.hpp"
#include "cli/xml_arena.hpp"
#include "cli/report_text.hpp"

using sso::cli::Bytes;
using sso::cli::read_input;

int main(int argc, char** argv) {
  const sso::cli::CommandLine cl = sso::cli::parse_command_line(std::vector<std::string>(argv + 1, argv + argc));
  if (!cl.error.empty()) {
    std::cerr << "twilio-sso: " << cl.error << "\n" << sso::cli::usage();
    return 2;
  }
  if (cl.help) {
    std::cout << sso::cli::usage();
    return 0;
  }
  if (cl.listFindings) {
    std::cout << sso::findings_markdown();
    return 0;
  }
  if (cl.readUrls) {
    std::string line;
    while (std::getline(std::cin, line)) {
      const auto text = nlohmann::json::parse(line, nullptr, false);
      std::cout << (text.is_string() ? sso::cli::url_read_json(text.get<std::string>()) : "{\"error\":\"not a JSON string\"}")
                << "\n";
    }
    return 0;
  }
  Bytes input;
  if (!read_input(cl.file, input)) {
    std::cerr << "twilio-sso: cannot read " << cl.file << "\n";
    return 2;
  }
  // Large inputs only: for a small file a 2 MB page would cost more than the faults it saves.
  if (input.size() >= sso::cli::kHugePage) sso::cli::use_xml_arena();
  if (!cl.canonicalize.empty()) {
    std::string canonical, error;
    std::string text = input.text();
    if (!sso::cli::canonicalize_file(cl, text, canonical, error)) {
      std::cerr << "twilio-sso: " << error << "\n";
      return 2;
    }
    std::cout << canonical;
    return 0;
  }
  sso::Options options = cl.options;
  if (!cl.certificateFile.empty() && !read_input(cl.certificateFile, options.certificate)) {
    std::cerr << "twilio-sso: cannot read " << cl.certificateFile << "\n";
    return 2;
  }
  for (const auto& [file, into] : {std::pair<const std::string&, std::string&>{cl.metadataFile, options.metadata},
                                    {cl.signerFile, options.signer}, {cl.previousFile, options.previousMetadata}})
    if (!file.empty() && !read_input(file, into)) {
      std::cerr << "twilio-sso: cannot read " << file << "\n";
      return 2;
    }
  const sso::Report report = sso::analyze_in_place(input.data(), input.size(), options);
  if (cl.json) std::cout << sso::report_json(report, 2) << "\n";
  else std::cout << sso::report_text(report, cl.showCanonical);
  return report.findings.has_error() ? 1 : 0;
}
