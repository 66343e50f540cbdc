#include "url/host.hpp"

#include <cctype>

#include "input/text.hpp"

namespace sso {

namespace {
bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool hex_number(std::string_view s) {
  if (s.size() < 2 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X')) return false;
  for (char c : s.substr(2))
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// WHATWG treats a host whose last label is a number as an IPv4 address (in decimal, octal or hex,
// with 1 to 4 parts); we accept only the plain dotted-quad form and refuse the rest.
bool ends_in_number(std::string_view host) {
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);
  const std::size_t dot = host.rfind('.');
  const std::string_view last = dot == std::string_view::npos ? host : host.substr(dot + 1);
  return all_digits(last) || hex_number(last);
}

bool dotted_quad(std::string_view s) {
  int parts = 0;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    const std::size_t dot = s.find('.', pos);
    const std::string_view part = s.substr(pos, dot == std::string_view::npos ? std::string_view::npos : dot - pos);
    if (!all_digits(part) || (part.size() > 1 && part[0] == '0') || !read_decimal(part, 255))
      return false;
    ++parts;
    if (dot == std::string_view::npos) break;
    pos = dot + 1;
  }
  return parts == 4;
}
}  // namespace

std::optional<Host> read_domain(std::string_view text, std::string& why) {
  Host host;
  if (text.empty()) {
    why = "the host name is empty";
    return std::nullopt;
  }
  bool ascii_only = true;
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) ascii_only = false;
  std::string ascii;
  if (ascii_only) {
    ascii.assign(text);
    for (char& c : ascii) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // An A-label ("xn--…") must be valid punycode of a valid name, as browsers check.
    if ((ascii.rfind("xn--", 0) == 0 || ascii.find(".xn--") != std::string::npos) && host_to_ascii(ascii).empty()) {
      why = "the international host name \"" + ascii + "\" cannot be converted to ASCII (IDNA): an xn-- label is invalid";
      return std::nullopt;
    }
  } else {
    // WHATWG's forbidden host code points never reach the converter (which, in the browser, is
    // a URL parser that would read "a@b" as a user and a host).
    for (char c : text) {
      if (static_cast<unsigned char>(c) < 0x20 || std::string_view(" #%/:<>?@[\\]^|\x7f").find(c) != std::string_view::npos) {
        why = std::string("the host name has the character '") + c + "', which no DNS name has";
        return std::nullopt;
      }
    }
    ascii = host_to_ascii(text);
    if (ascii.empty()) {
      why = "the international host name \"" + std::string(text) + "\" cannot be converted to ASCII (IDNA)";
      return std::nullopt;
    }
    host.international = true;
  }
  for (char c : ascii) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_')) {
      why = std::string("the host name has the character '") + c + "', which no DNS name has";
      return std::nullopt;
    }
  }
  if (dotted_quad(ascii)) {
    host.kind = HostKind::IPv4;
    host.ascii = ascii;
    return host;
  }
  if (ends_in_number(ascii)) {
    why = "the host \"" + ascii + "\" ends in a number but is not an IPv4 address a.b.c.d (browsers read it as one)";
    return std::nullopt;
  }
  std::string_view name = ascii;
  if (!name.empty() && name.back() == '.') name.remove_suffix(1);  // a fully qualified name's dot
  if (name.size() > 253) {
    why = "the host name is " + std::to_string(name.size()) + " characters long; DNS allows 253";
    return std::nullopt;
  }
  std::size_t pos = 0;
  while (pos <= name.size()) {
    const std::size_t dot = name.find('.', pos);
    const std::string_view label = name.substr(pos, dot == std::string_view::npos ? std::string_view::npos : dot - pos);
    if (label.empty()) {
      why = "the host name \"" + ascii + "\" has an empty label (two dots together, or a dot at the start)";
      return std::nullopt;
    }
    if (label.size() > 63) {
      why = "a label of the host name is " + std::to_string(label.size()) + " characters long; DNS allows 63";
      return std::nullopt;
    }
    if (label.front() == '-' || label.back() == '-') {
      why = "the label \"" + std::string(label) + "\" starts or ends with '-', which DNS names do not";
      return std::nullopt;
    }
    if (dot == std::string_view::npos) break;
    pos = dot + 1;
  }
  host.ascii = ascii;
  return host;
}

std::string ipv6_text(const unsigned char b[16]) {
  unsigned pieces[8];
  for (int i = 0; i < 8; ++i) pieces[i] = static_cast<unsigned>(b[2 * i] << 8 | b[2 * i + 1]);
  // The first longest run of two or more zero pieces is written "::".
  int best = -1, best_len = 0;
  for (int i = 0; i < 8;) {
    if (pieces[i] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && pieces[j] == 0) ++j;
    if (j - i > best_len && j - i >= 2) {
      best = i;
      best_len = j - i;
    }
    i = j;
  }
  std::string out = "[";
  for (int i = 0; i < 8; ++i) {
    if (i == best) {
      out += i == 0 ? "::" : ":";
      i += best_len - 1;
      continue;
    }
    static const char hex[] = "0123456789abcdef";
    bool started = false;
    for (int shift = 12; shift >= 0; shift -= 4) {
      const unsigned digit = pieces[i] >> shift & 15;
      if (digit || started || shift == 0) {
        out += hex[digit];
        started = true;
      }
    }
    if (i < 7) out += ':';
  }
  return out + "]";
}

bool is_localhost(const Host& host) {
  const std::string& h = host.ascii;
  if (host.kind == HostKind::IPv6) return h == "[::1]";
  if (host.kind == HostKind::IPv4) return h.rfind("127.", 0) == 0;
  std::string_view name = h;
  if (!name.empty() && name.back() == '.') name.remove_suffix(1);
  return name == "localhost" || (name.size() > 10 && name.substr(name.size() - 10) == ".localhost");
}

}  // namespace sso
