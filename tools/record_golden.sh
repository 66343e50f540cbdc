#!/usr/bin/env bash
# Records the Report of every interop file into tests/golden/interop/, from the native CLI, at the
# interop manifests' date. Run it when a change of behaviour is meant, and read the diff before
# committing it: tests/unit/golden_report_test.cpp compares every Report with these files.
set -euo pipefail
cd "$(dirname "$0")/.."
INTEROP=${SSO_INTEROP_DIR:-../shared/interop}
[ -d "$INTEROP" ] || { echo "interop corpus: not present at $INTEROP, nothing recorded" >&2; exit 2; }
mkdir -p tests/golden/interop
for f in "$INTEROP"/metadata/*.xml "$INTEROP"/certs/*; do
  case "$f" in *.tsv) continue ;; esac
  out="tests/golden/interop/$(basename "$(dirname "$f")")-$(basename "$f").json"
  ./build/native/twilio-sso --json --now 2026-11-28T00:00:00Z "$f" > "$out" || [ $? = 1 ]
done
echo "recorded $(ls tests/golden/interop | wc -l) Reports"
