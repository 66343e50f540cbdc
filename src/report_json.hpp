// The Report as schema-1 JSON: the contract shared by the CLI, the wasm module and the page.
#pragma once

#include <string>
#include <string_view>

#include "report.hpp"

namespace sso {

constexpr int kReportSchema = 1;

// Compact JSON when indent < 0; keys in schema order. Invalid UTF-8 never reaches here
// (analyze() refuses it), but would be replaced by U+FFFD rather than abort.
std::string report_json(const Report& report, int indent = -1);

// How read_url() reads one text, for the URL differential tests:
// {"accepted":true,"scheme":"https","host":"xn--…","port":443} or {"accepted":false,"reason":"…","stricter":true}
std::string url_read_json(std::string_view text);

}  // namespace sso
