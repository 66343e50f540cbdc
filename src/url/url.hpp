// URLs as the form's fields hold them, parsed with uriparser (RFC 3986) and accepted only where a
// browser (WHATWG URL Standard) reads them the same way: what we accept, browsers accept, with
// the same host. We refuse more than browsers do, each refusal with its reason.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "url/host.hpp"

namespace sso {

struct Url {
  std::string scheme;  // lower case
  Host host;
  std::optional<int> port;
  std::string pathAndQuery;  // as written, "" or starting with '/' or '?'
  bool hasUserInfo = false;
  bool hasFragment = false;
  std::string text;  // the URL as given, with an international host in its ASCII form
};

// Why a text is not a URL we accept; `stricter` marks the refusals of what a browser would accept.
struct UrlRefusal {
  std::string reason;
  bool stricter = false;
};

struct UrlRead {
  std::optional<Url> url;
  UrlRefusal refusal;
};

UrlRead read_url(std::string_view text);

}  // namespace sso
