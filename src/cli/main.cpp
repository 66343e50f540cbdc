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
#include "cli/report_text.hpp"

namespace {
// Bytes read from a file or standard input: allocated once at the file's size and never
// zero-filled first (a 30 MB aggregate is written into memory once, by read()).
struct Bytes {
  std::unique_ptr<char[]> data;
  std::size_t size = 0;
  std::string text() const { return std::string(data.get(), size); }
};

// Reads at most one byte past the input limit, so analyze() can say the input is too large.
bool read_input(const std::string& file, Bytes& out) {
  constexpr std::size_t kMost = sso::limits::kMaxInputBytes + 1;
  std::istream* in = &std::cin;
  std::ifstream f;
  std::size_t capacity = 1 << 16;
  if (file != "-") {
    f.open(file, std::ios::binary);
    if (!f) return false;
    in = &f;
    if (f.seekg(0, std::ios::end)) {
      const std::streamoff size = f.tellg();
      if (size >= 0) capacity = std::max<std::size_t>(1, std::min<std::size_t>(static_cast<std::size_t>(size), kMost));
    }
    f.seekg(0, std::ios::beg);
  }
  out.data.reset(new char[capacity]);
  out.size = 0;
  while (out.size < kMost) {
    if (out.size == capacity) {  // standard input, or a file that grew: make room, if more comes
      if (in->peek() == std::char_traits<char>::eof()) break;
      const std::size_t bigger = std::min(kMost, capacity * 2);
      std::unique_ptr<char[]> grown(new char[bigger]);
      std::memcpy(grown.get(), out.data.get(), out.size);
      out.data = std::move(grown);
      capacity = bigger;
    }
    in->read(out.data.get() + out.size, static_cast<std::streamsize>(capacity - out.size));
    if (in->gcount() <= 0) break;
    out.size += static_cast<std::size_t>(in->gcount());
  }
  return !in->bad();
}

bool read_input(const std::string& file, std::string& out) {
  Bytes bytes;
  if (!read_input(file, bytes)) return false;
  out = bytes.text();
  return true;
}
}  // namespace

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
  const sso::Report report = sso::analyze_in_place(input.data.get(), input.size, options);
  std::cout << (cl.json ? sso::report_json(report, 2) + "\n" : sso::report_text(report, cl.showCanonical));
  return report.findings.has_error() ? 1 : 0;
}
