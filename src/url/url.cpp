#include "url/url.hpp"

#include <uriparser/Uri.h>

#include <cctype>

#include "input/text.hpp"

namespace sso {

namespace {
std::string_view range(const UriTextRangeA& r) {
  return r.first ? std::string_view(r.first, static_cast<std::size_t>(r.afterLast - r.first)) : std::string_view();
}

UrlRead refuse(std::string reason, bool stricter) { return UrlRead{std::nullopt, {std::move(reason), stricter}}; }

// Browsers strip these before parsing; a pasted URL with them was cut or joined wrongly.
std::optional<UrlRead> check_characters(std::string_view text) {
  if (text.empty()) return refuse("the URL is empty", false);
  const auto first = static_cast<unsigned char>(text.front()), last = static_cast<unsigned char>(text.back());
  if (first <= 0x20 || last <= 0x20) return refuse("the URL has white space or control characters around it", true);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\t' || c == '\n' || c == '\r')
      return refuse("the URL has a tab or line break inside (at character " + std::to_string(i + 1) + ")", true);
    if (c < 0x20 || c == 0x7f) return refuse("the URL has a control character at character " + std::to_string(i + 1), true);
    if (c == ' ') return refuse("the URL has a space at character " + std::to_string(i + 1), true);
    if (c == '\\') return refuse("the URL has a backslash at character " + std::to_string(i + 1) + "; use '/'", true);
  }
  return std::nullopt;
}

// An international host is made ASCII before uriparser sees it (RFC 3986 has no Unicode).
std::optional<UrlRead> ascii_authority(std::string_view text, std::string& out, bool& international) {
  out.assign(text);
  bool non_ascii = false;
  for (char c : text) non_ascii |= static_cast<unsigned char>(c) >= 0x80;
  if (!non_ascii) return std::nullopt;
  const std::size_t scheme_end = text.find("://");
  if (scheme_end == std::string_view::npos) return refuse("the URL has non-ASCII characters and no \"://\"", false);
  const std::size_t start = scheme_end + 3;
  const std::size_t end = std::min(text.size(), text.find_first_of("/?#", start));
  for (std::size_t i = end; i < text.size(); ++i)
    if (static_cast<unsigned char>(text[i]) >= 0x80)
      return refuse("the path or query has non-ASCII characters; they must be percent-encoded", true);
  std::string_view authority = text.substr(start, end - start);
  const std::size_t at = authority.rfind('@');
  const std::size_t host_start = at == std::string_view::npos ? 0 : at + 1;
  std::size_t host_end = authority.rfind(':');
  if (host_end == std::string_view::npos || host_end < host_start) host_end = authority.size();
  const std::string_view host = authority.substr(host_start, host_end - host_start);
  std::string why;
  const std::optional<Host> h = read_domain(host, why);
  if (!h) return refuse(why, true);
  international = true;
  out = std::string(text.substr(0, start + host_start)) + h->ascii + std::string(text.substr(start + host_end));
  return std::nullopt;
}
}  // namespace

UrlRead read_url(std::string_view text) {
  if (auto refused = check_characters(text)) return *refused;
  std::string ascii;
  bool international = false;
  if (auto refused = ascii_authority(text, ascii, international)) return *refused;

  UriUriA uri;
  const char* error_at = nullptr;
  if (uriParseSingleUriExA(&uri, ascii.data(), ascii.data() + ascii.size(), &error_at) != URI_SUCCESS) {
    // Browsers repair much of what RFC 3986 refuses (they percent-encode), so this may be stricter.
    const std::size_t at = error_at ? static_cast<std::size_t>(error_at - ascii.data()) : 0;
    const char c = at < ascii.size() ? ascii[at] : '\0';
    return refuse(std::string("the URL cannot be read at character ") + std::to_string(at + 1) +
                      (c ? std::string(" ('") + c + "')" : std::string(" (its end)")),
                  true);
  }
  struct Free {
    UriUriA* u;
    ~Free() { uriFreeUriMembersA(u); }
  } free_uri{&uri};

  Url url;
  url.text = ascii;
  std::string scheme(range(uri.scheme));
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (scheme.empty()) return refuse("the URL is not absolute: it needs https:// at the start", false);
  if (scheme != "https" && scheme != "http")
    return refuse("the URL's scheme is \"" + scheme + "\"; only https (and http for local development) work here", true);
  url.scheme = scheme;
  if (!uri.hostText.first && !uri.hostData.ip4 && !uri.hostData.ip6)
    return refuse("the URL has no host: write it as " + scheme + "://host/path", true);
  url.hasUserInfo = uri.userInfo.first != nullptr;
  if (uri.hostData.ipFuture.first) return refuse("the host is an IP address of a future version", false);
  if (uri.hostData.ip6) {
    url.host.kind = HostKind::IPv6;
    url.host.ascii = ipv6_text(uri.hostData.ip6->data);
  } else {
    const std::string_view host_text = range(uri.hostText);
    if (host_text.empty()) return refuse("the URL has no host: write it as " + scheme + "://host/path", true);
    if (host_text.find('%') != std::string_view::npos)
      return refuse("the host is percent-encoded; write it plainly", true);
    std::string why;
    std::optional<Host> host = read_domain(host_text, why);
    if (!host) return refuse(why, true);
    url.host = *host;
  }
  url.host.international = international;
  const std::string_view port = range(uri.portText);
  if (!port.empty()) {
    const std::optional<uint32_t> value = read_decimal(port, 65535);  // uriparser let digits only through
    if (!value) return refuse("the port " + std::string(port) + " is over 65535", false);
    url.port = static_cast<int>(*value);
  }
  url.hasFragment = uri.fragment.first != nullptr;
  const std::size_t after_authority = static_cast<std::size_t>(
      (uri.portText.afterLast ? uri.portText.afterLast : uri.hostText.afterLast) - ascii.data());
  url.pathAndQuery = ascii.substr(std::min(after_authority + (uri.hostData.ip6 ? 1 : 0), ascii.size()));
  if (const std::size_t hash = url.pathAndQuery.find('#'); hash != std::string::npos) url.pathAndQuery.resize(hash);
  return UrlRead{url, {}};
}

}  // namespace sso
