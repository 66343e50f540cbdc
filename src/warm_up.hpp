// A rehearsal for the browser's sake. Browsers first run wasm with a quick baseline compiler and
// compile a function for speed only once it has run a while, for its next call: a 30 MB aggregate
// pasted first is then read, in one long call, entirely by the slow code (2x slower in Chromium).
// warm_up(200) analyses a synthetic aggregate of a few hundred kilobytes so that the paths a large
// aggregate takes (parsing, names, base64, certificates, SHA-256, the JSON) are compiled for
// speed before it arrives. Chromium also compiles each function only on its first call (about
// 10 ms of a typical file's first analysis on a quiet machine, more while the page is being
// drawn): warm_up(1), a few kilobytes, has those paths compiled before anything is pasted. Natively it only costs time; nothing calls it there.
#pragma once

#include <cstddef>
#include <string>

namespace sso {
// The synthetic aggregate: `entities` IdP entities, each with a signing certificate (one made
// for this, CN=warm-up.invalid, its private key thrown away).
std::string warm_up_metadata(std::size_t entities);

// Analyses warm_up_metadata(entities) and discards the Report.
void warm_up(std::size_t entities);
}  // namespace sso
