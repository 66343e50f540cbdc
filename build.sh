#!/usr/bin/env bash
# Installs what is missing (only what the step at hand needs), builds, tests and serves the
# Twilio SSO Helper.
# Usage: ./build.sh [deps|build|cli|wasm|test|serve|bench|fuzz [seconds]|clean]
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
TP="$ROOT/third_party"
export NODE_PATH=/usr/share/nodejs
JOBS=${JOBS:-$(nproc)}

# What each step needs from Debian, by need: the CLI, the wasm build, the tests, the benchmarks.
PACKAGES_CLI=(cmake g++ make dpkg-dev python3 nlohmann-json3-dev doctest-dev libidn2-dev publicsuffix)
PACKAGES_WASM=(emscripten node-acorn nodejs esbuild)
PACKAGES_TEST=(openssl chromium clang-14 libclang-rt-14-dev xmlsec1 python3-cryptography python3-onelogin-saml2)
PACKAGES_BENCH=(time python3-lxml python3-onelogin-saml2 python3-pysaml2 ruby-saml xmlsec1 chromium)

log() { printf '== %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# install_packages PKG…: installs those not installed yet (nothing when all are).
install_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return
  log "installing: ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# npm, when the machine has none (Debian's npm conflicts with a nodejs that bundles its own).
ensure_npm() { command -v npm >/dev/null || install_packages npm; }

# mbedTLS 3.6 LTS, pugixml and uriparser come from Debian trixie's source packages (apt checks
# their hashes).
TRIXIE_SRC=/etc/apt/sources.list.d/twilio-sso-trixie-src.sources
ensure_trixie_sources() {
  apt-cache showsrc mbedtls 2>/dev/null | grep -q '^Version: 3\.6' && return
  log "adding a deb-src entry for trixie"
  as_root tee "$TRIXIE_SRC" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  as_root apt-get update -q
}

# fetch_source PACKAGE PATTERN DEST: unpack Debian's orig tarball of PACKAGE into third_party/DEST.
fetch_source() {
  local pkg=$1 pattern=$2 dest=$3
  [ -f "$TP/$dest/.unpacked" ] && return
  mkdir -p "$TP/download"
  local tarball
  tarball=$(ls "$TP"/download/$pattern 2>/dev/null | head -n1 || true)
  if [ -z "$tarball" ]; then
    ensure_trixie_sources
    log "downloading $pkg source from trixie"
    # The .dsc of some packages is missing from the mirror; the orig tarball is what we use.
    (cd "$TP/download" && apt-get source --download-only "$pkg/trixie" >/dev/null 2>&1 || true)
    tarball=$(ls "$TP"/download/$pattern 2>/dev/null | head -n1 || true)
    if [ -z "$tarball" ]; then
      apt-get update -q >/dev/null 2>&1 || true
      (cd "$TP/download" && apt-get source --download-only "$pkg/trixie" || true)
      tarball=$(ls "$TP"/download/$pattern 2>/dev/null | head -n1 || true)
    fi
    [ -n "$tarball" ] || { echo "could not download $pkg source" >&2; exit 2; }
  fi
  rm -rf "${TP:?}/$dest" "$TP/unpack" && mkdir -p "$TP/unpack"
  tar xf "$tarball" -C "$TP/unpack"
  mv "$TP"/unpack/* "$TP/$dest" && rmdir "$TP/unpack"
  touch "$TP/$dest/.unpacked"
  log "$pkg: $(basename "$tarball")"
}

# Emscripten must see only these headers, never all of /usr/include.
link_headers() {
  mkdir -p "$TP/headers"
  [ -e "$TP/headers/nlohmann" ] || ln -s /usr/include/nlohmann "$TP/headers/nlohmann"
  [ -e "$TP/headers/doctest" ] || ln -s /usr/include/doctest "$TP/headers/doctest"
}

sources() {
  fetch_source mbedtls 'mbedtls_3.6.*.orig.tar.*' mbedtls
  fetch_source pugixml 'pugixml_1.*.orig.tar.*' pugixml
  fetch_source uriparser 'uriparser_0.9.*.orig.tar.*' uriparser
  link_headers
}

# playwright-core and axe-core drive and audit Debian's Chromium; no browser is ever downloaded.
npm_test_deps() {
  ensure_npm
  [ -d tests/browser/node_modules/axe-core ] && [ -d tests/browser/node_modules/playwright-core ] && return
  log "installing playwright-core and axe-core (npm)"
  (cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
}

deps() {
  install_packages "${PACKAGES_CLI[@]}" "${PACKAGES_WASM[@]}" "${PACKAGES_TEST[@]}"
  sources
  npm_test_deps
}

build_cli() {
  install_packages "${PACKAGES_CLI[@]}"
  sources
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j"$JOBS"
}

build_wasm() {
  install_packages "${PACKAGES_CLI[@]}" "${PACKAGES_WASM[@]}"
  sources
  if [ ! -f build/wasm/CMakeCache.txt ]; then
    emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=MinSizeRel >/dev/null
  fi
  cmake --build build/wasm -j"$JOBS"
  rm -rf build/web && mkdir -p build/web
  cp web/*.html web/*.js web/*.mjs web/*.css web/package.json web/README.md build/web/
  cp build/wasm/twilio-sso.mjs build/wasm/twilio-sso.wasm build/wasm/public-suffixes.js build/web/
  node tools/generate_types.mjs build/web/index.d.ts
  node tools/prerender.mjs build/web/index.html >/dev/null
  node tools/build_single_file.mjs build/web build/wasm/twilio-sso-single.js build/web/twilio-sso-helper.html >/dev/null
  # The page's interface and its worker each arrive as one file (tools/bundle.mjs).
  node tools/bundle.mjs build/web/app.js >/dev/null
  node tools/bundle.mjs build/web/worker.js --apart ./public-suffixes.js >/dev/null
  # What is served is minified (web/ keeps the comments).
  local scripts=(build/web/twilio-sso.mjs build/web/app.css)
  for f in web/*.js; do scripts+=("build/web/${f#web/}"); done
  node tools/minify.mjs "${scripts[@]}" >/dev/null
}


# Every suite is a CTest test (CMakeLists.txt registers them); ctest's line closes the run.
run_tests() {
  install_packages "${PACKAGES_TEST[@]}"
  build_cli
  build_wasm
  build_fuzz unit_tests  # the unit tests' sanitizer build is the fuzz targets' (one build, not two)
  build_tsan
  npm_test_deps
  local interop=${SSO_INTEROP_DIR:-$ROOT/../shared/interop}
  if [ -f "$interop/metadata/MANIFEST.tsv" ]; then
    log "interop corpus: present at $interop, its suites run too"
  else
    log "interop corpus: not present, skipped"
  fi
  local rc=0
  (cd build/native && ctest --output-on-failure --timeout 1800) 2>&1 | tee build/test-summary.log || rc=$?
  rc=${PIPESTATUS[0]:-$rc}
  echo
  if [ -f "$interop/metadata/MANIFEST.tsv" ]; then echo "interop corpus: present, ran with the rest"; else echo "interop corpus: not present, skipped"; fi
  grep -E '^[0-9]+% tests passed' build/test-summary.log | tail -n1
  grep -qE '^100% tests passed' build/test-summary.log
}

# The unit tests with ThreadSanitizer (tests/thread_sanitizer.sh runs them).
build_tsan() {
  install_packages "${PACKAGES_CLI[@]}" clang-14 libclang-rt-14-dev
  sources
  CC=clang-14 CXX=clang++-14 cmake -S . -B build/tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSSO_TSAN=ON >/dev/null
  cmake --build build/tsan -j"$JOBS" --target unit_tests
}

FUZZ_TARGETS=(analyze metadata certificate url domain c14n response)

# The libFuzzer targets, and any other target named (the tests build unit_tests here too).
build_fuzz() {
  install_packages "${PACKAGES_CLI[@]}" clang-14 libclang-rt-14-dev
  sources
  CC=clang-14 CXX=clang++-14 cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSSO_FUZZ=ON >/dev/null
  cmake --build build/fuzz -j"$JOBS" --target "${FUZZ_TARGETS[@]/#/fuzz_}" "$@"
}

# Seeds: the project's fixtures (and the interop files, where present) for the document targets,
# the URL test strings for the URL targets, and every input that once broke a target.
fuzz_seeds() {
  local target=$1 dir=build/fuzz/corpus/$1
  mkdir -p "$dir"
  case "$target" in
    analyze|metadata|certificate|c14n|response)
      [ -f build/fixtures/manifest.json ] || node tests/fixtures/generate.mjs build/fixtures >/dev/null
      cp -n build/fixtures/metadata/*.xml build/fixtures/certs/*.pem "$dir"/ 2>/dev/null || true
      cp -n build/fixtures/responses/*.* "$dir"/ 2>/dev/null || true
      cp -n build/fixtures/signed-metadata/*.xml "$dir"/ 2>/dev/null || true
      for f in build/fixtures/rollover/*.before.xml; do  # an older and a newer version, one after the other
        [ -f "$f" ] && cat "$f" "${f%.before.xml}.after.xml" > "$dir/rollover-$(basename "${f%.before.xml}").xml"
      done
      cp -n ../shared/interop/metadata/*.xml ../shared/interop/certs/*.pem "$dir"/ 2>/dev/null || true
      cp -n ../shared/interop/responses/*.xml ../shared/interop/responses/*.base64 "$dir"/ 2>/dev/null || true ;;
    url|domain)
      node -e 'const fs=require("fs"); const urls=JSON.parse(fs.readFileSync("tests/data/urls.json","utf8"));
        urls.forEach((u,i)=>{ const t=process.argv[1]==="domain" ? (u.split("/")[2]||u) : u;
          fs.writeFileSync(process.argv[2]+"/seed"+i, t); });' "$target" "$dir" ;;
  esac
  cp -n tests/fuzz/regressions/"$target"/* "$dir"/ 2>/dev/null || true
}

# Runs every target for $1 seconds, $JOBS at a time; a crash leaves its input in build/fuzz/artifacts.
run_fuzz() {
  local seconds=${1:-60}
  build_fuzz
  mkdir -p build/fuzz/artifacts build/fuzz/logs
  local pids=() failed=0
  for t in "${FUZZ_TARGETS[@]}"; do
    fuzz_seeds "$t"
    nice -n 10 ./build/fuzz/fuzz_"$t" build/fuzz/corpus/"$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=262144 -artifact_prefix=build/fuzz/artifacts/"$t"- -print_final_stats=1 \
      > build/fuzz/logs/"$t".log 2>&1 &
    pids+=($!)
    if [ ${#pids[@]} -ge "$JOBS" ]; then wait "${pids[0]}" || failed=1; pids=("${pids[@]:1}"); fi
  done
  for p in "${pids[@]}"; do wait "$p" || failed=1; done
  local passed_targets=0 failed_targets=0
  for t in "${FUZZ_TARGETS[@]}"; do
    local runs corpus
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' build/fuzz/logs/"$t".log | tail -n1)
    corpus=$(ls build/fuzz/corpus/"$t" | wc -l)
    if grep -qE "ERROR: (AddressSanitizer|libFuzzer|LeakSanitizer)|runtime error:" build/fuzz/logs/"$t".log; then
      echo "fuzz_$t: FAILED after ${runs:-?} runs; see build/fuzz/logs/$t.log"; failed_targets=$((failed_targets + 1))
    else
      echo "fuzz_$t: ${runs:-?} runs in ${seconds}s, corpus $corpus, no crash"; passed_targets=$((passed_targets + 1))
    fi
  done
  echo "$passed_targets passed, $failed_targets failed"
  [ "$failed_targets" = 0 ] && [ "$failed" = 0 ]
}

serve() {
  build_cli
  build_wasm
  exec node tools/static_server.mjs build/web 8080
}

bench() {
  install_packages "${PACKAGES_BENCH[@]}"
  build_cli
  build_wasm
  npm_test_deps
  node bench/run.mjs
}

case "${1:-build}" in
  deps) deps ;;
  cli) build_cli ;;
  wasm) build_wasm ;;
  build) build_cli; build_wasm ;;
  test) run_tests ;;
  serve) serve ;;
  fuzz) run_fuzz "${2:-60}" ;;
  bench) bench ;;
  clean) rm -rf build ;;
  *) echo "usage: $0 [deps|build|cli|wasm|test|serve|bench|fuzz [seconds]|clean]" >&2; exit 2 ;;
esac
