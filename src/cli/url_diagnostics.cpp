#include "cli/url_diagnostics.hpp"

#include <nlohmann/json.hpp>

#include "url/url.hpp"

namespace sso::cli {

std::string url_read_json(std::string_view text) {
  using Json = nlohmann::ordered_json;
  const UrlRead read = read_url(text);
  const Json out = read.url ? Json{{"accepted", true},
                                   {"scheme", read.url->scheme},
                                   {"host", read.url->host.ascii},
                                   {"port", read.url->port ? Json(*read.url->port) : Json(nullptr)}}
                            : Json{{"accepted", false}, {"reason", read.refusal.reason}, {"stricter", read.refusal.stricter}};
  return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace sso::cli
