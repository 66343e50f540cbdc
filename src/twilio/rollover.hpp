// What a change of the IdP's metadata means for Twilio, above all a certificate rollover. Twilio
// holds one signing certificate, so the switch must happen when the IdP starts signing with the
// new one: the plan says which certificate to keep, which to put in, and from when, with the
// certificates' own dates.
//
// Two ways in: an older version of the metadata (what Twilio was set up with) against the current
// one; or the certificate in Twilio against the current metadata ("still published, expires on…",
// "no longer published").
#pragma once

#include <cstdint>

#include "options.hpp"
#include "report/report.hpp"

namespace sso {

// Fills report.rollover (and its findings) when options.previousMetadata is given, or when a
// certificate was given with metadata. Needs the finished Twilio values of the current metadata.
void compare_versions(const Options& options, int64_t now, Report& report);

}  // namespace sso
