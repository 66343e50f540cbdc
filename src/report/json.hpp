// The Report as schema-1 JSON: the contract shared by the CLI, the wasm module and the page.
#pragma once

#include <string>

#include "report/report.hpp"

namespace sso {

constexpr int kReportSchema = 1;

// Compact JSON when indent < 0; keys in schema order. Invalid UTF-8 never reaches here
// (analyze() refuses it), but would be replaced by U+FFFD rather than abort.
std::string report_json(const Report& report, int indent = -1);

}  // namespace sso
