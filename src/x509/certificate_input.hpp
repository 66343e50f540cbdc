// Certificates pasted (or given to compare with the metadata): each listed in the Report, and a
// finding for each that cannot be used, saying why.
#pragma once

#include <string_view>

#include "report/report.hpp"

namespace sso {

// Appends every certificate in `text` (PEM, base64, DER, an <X509Certificate> element) to
// report.certificates. The text must hold no private key (the caller refuses those first).
void read_pasted_certificates(std::string_view text, Report& report);

}  // namespace sso
