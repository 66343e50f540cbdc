#include "twilio/trusted_domains.hpp"

#include "input/text.hpp"

namespace sso {

TrustedEntry read_trusted_entry(std::string_view raw) {
  TrustedEntry out;
  const std::string_view entry = trim(raw);
  if (entry.empty()) {
    out.refusal = "it is empty";
    return out;
  }
  if (entry.find("://") != std::string_view::npos) {
    out.wildcard = entry.find('*') != std::string_view::npos;
    const UrlRead read = read_url(entry);
    if (!read.url) {
      out.refusal = read.refusal.reason;
      return out;
    }
    const Url& url = *read.url;
    out.host = url.host;
    out.compared = url.scheme + "://" + url.host.ascii + (url.port ? ":" + std::to_string(*url.port) : "") +
                   url.pathAndQuery;
    out.url = url;
    return out;
  }
  std::string_view name = entry;
  if (name.substr(0, 2) == "*.") {
    out.wildcard = true;
    name.remove_prefix(2);
  }
  if (name.find('*') != std::string_view::npos) {
    out.refusal = "a '*' may only stand alone as the first label";
    return out;
  }
  if (name.find_first_of(":/") != std::string_view::npos) {
    out.refusal = "a host name has no port or path; write a URL such as http://localhost:3000 instead";
    return out;
  }
  std::string why;
  const std::optional<Host> host = read_domain(name, why);
  if (!host) {
    out.refusal = why;
    return out;
  }
  out.host = *host;
  out.compared = (out.wildcard ? "*." : "") + host->ascii;
  return out;
}

}  // namespace sso
