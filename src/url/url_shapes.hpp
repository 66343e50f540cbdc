// What a URL's shape says it is for, by the paths identity providers use: a login (SSO)
// endpoint, a logout endpoint, a metadata document. Shapes are guesses; where the metadata
// lists the endpoints, callers compare with those first.
#pragma once

#include <string>

#include "url/url.hpp"

namespace sso {

bool looks_like_metadata_url(const Url& url);
bool looks_like_logout_url(const Url& url);
bool looks_like_login_url(const Url& url);
// A port browsers refuse to connect to (the Fetch Standard's "bad port" list), or port 0.
bool is_blocked_port(int port);
// The host is twilio.com or under it.
bool is_twilio_host(const Host& host);

}  // namespace sso
