// --read-urls: how the core reads each URL, for the URL differential tests.
#pragma once

#include <string>
#include <string_view>

namespace sso::cli {

// {"accepted":true,"scheme":"https","host":"xn--…","port":443} or {"accepted":false,"reason":"…","stricter":true}
std::string url_read_json(std::string_view text);

}  // namespace sso::cli
