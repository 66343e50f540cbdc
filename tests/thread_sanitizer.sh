#!/bin/sh
# The unit tests built with ThreadSanitizer (./build.sh test builds them in build/tsan): any data
# race between the analysis's two threads fails the run. A kernel whose address-space layout this
# clang's ThreadSanitizer cannot map (it says "unexpected memory mapping") is said, and skipped.
binary=${1:?usage: thread_sanitizer.sh path/to/unit_tests}
log=$(mktemp)
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" "$binary" >"$log" 2>&1
rc=$?
if [ $rc -ne 0 ] && grep -q "unexpected memory mapping" "$log"; then
  echo "ThreadSanitizer cannot run on this kernel (unexpected memory mapping): skipped"
  rm -f "$log"
  exit 77  # ctest: skipped
fi
tail -n 4 "$log"
grep -q "WARNING: ThreadSanitizer" "$log" && { grep -A30 "WARNING: ThreadSanitizer" "$log" | head -60; rc=1; }
rm -f "$log"
exit $rc
