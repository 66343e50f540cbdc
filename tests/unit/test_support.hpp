// Helpers shared by the unit tests: reading files and the interop manifests.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "analyze.hpp"
#include "clock.hpp"

namespace test {

inline std::string interop_dir() {
  const char* env = std::getenv("SSO_INTEROP_DIR");
  return env ? env : INTEROP_DIR;
}

// The interop corpus (../shared/interop) is an extra suite: where it is absent, each test that
// needs it says so in one line and passes without checking anything.
inline bool interop_present() {
  static const bool present = [] {
    std::ifstream manifest(interop_dir() + "/metadata/MANIFEST.tsv");
    if (!manifest) std::printf("interop corpus: not present, skipped (%s)\n", interop_dir().c_str());
    return static_cast<bool>(manifest);
  }();
  return present;
}

// The project's own fixtures (tests/fixtures/generate.mjs writes them at test time).
inline std::string fixtures_dir() {
  const char* env = std::getenv("SSO_FIXTURES_DIR");
  return env ? env : FIXTURES_DIR;
}

inline std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

using Row = std::map<std::string, std::string>;

// A MANIFEST.tsv as rows keyed by the header's column names.
inline std::vector<Row> read_manifest(const std::string& path) {
  std::ifstream f(path);
  std::string line;
  std::vector<std::string> header;
  std::vector<Row> rows;
  auto split = [](const std::string& l) {
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream s(l);
    while (std::getline(s, cell, '\t')) cells.push_back(cell);
    return cells;
  };
  while (std::getline(f, line)) {
    if (line.empty()) continue;
    if (header.empty()) {
      header = split(line);
      continue;
    }
    const std::vector<std::string> cells = split(line);
    Row row;
    for (std::size_t i = 0; i < header.size(); ++i) row[header[i]] = i < cells.size() ? cells[i] : "";
    rows.push_back(row);
  }
  return rows;
}

// The day the interop manifests' "expired" columns were computed for.
inline sso::Options options_at_manifest_date() {
  sso::Options o;
  o.now = sso::epoch_seconds(2026, 11, 28, 0, 0, 0);
  return o;
}

inline std::string fixture(const std::string& name) {
  const std::string text = read_file(fixtures_dir() + "/" + name);
  if (text.empty()) std::fprintf(stderr, "fixture %s missing: run node tests/fixtures/generate.mjs %s\n", name.c_str(), fixtures_dir().c_str());
  return text;
}

// The severity of the first finding with this code, or "none".
inline std::string severity_of(const sso::Report& r, const std::string& code) {
  for (const sso::Finding& f : r.findings.all())
    if (f.code == code) return sso::severity_name(f.severity);
  return "none";
}

// The first finding with this code (its message), or "" when there is none.
inline std::string message_of(const sso::Report& r, const std::string& code) {
  for (const sso::Finding& f : r.findings.all())
    if (f.code == code) return f.message;
  return "";
}

// The setting the first finding with this code names (what the admin changes), or "none".
inline std::string setting_of(const sso::Report& r, const std::string& code) {
  for (const sso::Finding& f : r.findings.all())
    if (f.code == code) return f.setting;
  return "none";
}

inline bool has_finding(const sso::Report& r, const std::string& code) {
  for (const sso::Finding& f : r.findings.all())
    if (f.code == code) return true;
  return false;
}

}  // namespace test
