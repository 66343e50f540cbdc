#!/usr/bin/env bash
# Installs what is missing, builds, tests and serves the Twilio SSO Helper.
# Usage: ./build.sh [deps|build|cli|wasm|test|serve|bench|fuzz [seconds]|clean]
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
TP="$ROOT/third_party"
export NODE_PATH=/usr/share/nodejs
JOBS=${JOBS:-$(nproc)}

APT_PACKAGES=(cmake g++ make dpkg-dev emscripten node-acorn nodejs nlohmann-json3-dev doctest-dev
  openssl chromium clang-14 libclang-rt-14-dev xmlsec1 python3-lxml python3-onelogin-saml2
  python3-pysaml2 python3-cryptography ruby-saml publicsuffix libidn2-dev)

log() { printf '== %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  # Debian's npm conflicts with the nodejs some machines carry (which bundles npm).
  command -v npm >/dev/null || missing+=(npm)
  [ ${#missing[@]} -eq 0 ] && return
  log "installing: ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# mbedTLS 3.6 LTS and pugixml come from Debian trixie's source packages (apt checks their hashes).
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

# playwright-core drives Debian's Chromium in the browser tests; it never downloads a browser.
npm_deps() {
  [ -d tests/browser/node_modules/playwright-core ] && return
  log "installing playwright-core (npm)"
  (cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
}

deps() {
  install_packages
  fetch_source mbedtls 'mbedtls_3.6.*.orig.tar.*' mbedtls
  fetch_source pugixml 'pugixml_1.*.orig.tar.*' pugixml
  fetch_source uriparser 'uriparser_0.9.*.orig.tar.*' uriparser
  link_headers
  npm_deps
}

build_cli() {
  deps
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j"$JOBS"
}

build_wasm() {
  deps
  if [ ! -f build/wasm/CMakeCache.txt ]; then
    emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=MinSizeRel >/dev/null
  fi
  cmake --build build/wasm -j"$JOBS"
  rm -rf build/web && mkdir -p build/web
  cp web/*.html web/*.js web/*.css build/web/
  cp build/wasm/twilio-sso.mjs build/wasm/twilio-sso.wasm build/web/
  node tools/build_single_file.mjs build/web build/wasm/twilio-sso-single.js build/web/twilio-sso-helper.html >/dev/null
}

# Runs one suite, keeping its output for the closing summary; never stops the others.
PASSED=0
FAILED=0
run_suite() {
  local name=$1 kind=$2; shift 2
  log "$name"
  local out
  out=$(mktemp)
  local rc=0
  "$@" 2>&1 | tee "$out" || rc=$?
  local p=0 f=0
  case "$kind" in
    doctest) read -r p f < <(sed -n 's/^\[doctest\] test cases: *[0-9]* | *\([0-9]*\) passed | *\([0-9]*\) failed.*/\1 \2/p' "$out" | tail -n1) ;;
    plain) read -r p f < <(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p' "$out" | tail -n1) ;;
    node) p=$(sed -n 's/^# pass \([0-9]*\)/\1/p' "$out" | tail -n1); f=$(sed -n 's/^# fail \([0-9]*\)/\1/p' "$out" | tail -n1) ;;
  esac
  p=${p:-0}; f=${f:-0}
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi  # a crash counts as a failure
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
  rm -f "$out"
}

run_tests() {
  build_cli
  build_wasm
  node tests/hostile/generate.mjs build/hostile
  run_suite "unit and corpus tests (native)" doctest ./build/native/unit_tests
  build_asan
  run_suite "unit and corpus tests under AddressSanitizer and UBSan" doctest \
    env ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ./build/asan/unit_tests
  run_suite "certificates against Debian's openssl (differential)" plain \
    /usr/bin/python3 tests/differential/openssl_certificates.py
  run_suite "wasm module tests (node)" node node --test tests/node/*.test.mjs
  run_suite "the page in Chromium (playwright-core)" node node --test tests/browser/*.test.mjs
  run_suite "fuzz targets, ${FUZZ_SMOKE_SECONDS:-30} s each (smoke run)" plain run_fuzz "${FUZZ_SMOKE_SECONDS:-30}"
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" = 0 ]
}

build_asan() {
  deps
  if [ ! -f build/asan/CMakeCache.txt ]; then
    cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSSO_SANITIZE=ON >/dev/null
  fi
  cmake --build build/asan -j"$JOBS" --target unit_tests
}

FUZZ_TARGETS=(analyze metadata certificate url domain)

build_fuzz() {
  deps
  if [ ! -f build/fuzz/CMakeCache.txt ]; then
    CC=clang-14 CXX=clang++-14 cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSSO_FUZZ=ON >/dev/null
  fi
  cmake --build build/fuzz -j"$JOBS" --target "${FUZZ_TARGETS[@]/#/fuzz_}"
}

# Seeds: the interop files for the document targets, the URL test strings for the URL targets,
# and every input that once broke a target (tests/fuzz/regressions/).
fuzz_seeds() {
  local target=$1 dir=build/fuzz/corpus/$1
  mkdir -p "$dir"
  case "$target" in
    analyze|metadata|certificate)
      cp -n ../shared/interop/metadata/*.xml ../shared/interop/certs/*.pem "$dir"/ 2>/dev/null || true ;;
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

case "${1:-build}" in
  deps) deps ;;
  cli) build_cli ;;
  wasm) build_wasm ;;
  build) build_cli; build_wasm ;;
  test) run_tests ;;
  serve) serve ;;
  fuzz) run_fuzz "${2:-60}" ;;
  bench) build_cli; build_wasm; node bench/run.mjs ;;
  clean) rm -rf build ;;
  *) echo "usage: $0 [deps|build|cli|wasm|test|serve|bench|fuzz [seconds]|clean]" >&2; exit 2 ;;
esac
