// The options object the JavaScript API is given, as JSON, into sso::Options: each field copied
// when it has the right type, an error naming the field when not. Carrying only.
#pragma once

#include <string>
#include <string_view>

#include "options.hpp"

namespace sso::wasm {

bool options_from_json(std::string_view json, Options& options, std::string& error);

}  // namespace sso::wasm
