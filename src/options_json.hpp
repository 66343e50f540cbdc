// Options from JSON, as the wasm module and the page pass them: camelCase keys as in the Report.
#pragma once

#include <string>
#include <string_view>

#include "options.hpp"

namespace sso {

// False with `error` set when the JSON is malformed or a key has the wrong type; unknown keys
// are ignored so that newer pages work with older modules.
bool options_from_json(std::string_view json, Options& options, std::string& error);

}  // namespace sso
