#!/bin/sh
# Sums meson test logs (meson-logs/testlog*.json, one JSON object per test)
# into one plain line: "N passed, N failed, N skipped".
# A log that is missing counts as one failure: its run never finished.
set -eu
passed=0 failed=0 skipped=0
for log in "$@"; do
  if [ ! -s "$log" ]; then
    echo "count-tests: no test log at $log" >&2
    failed=$((failed + 1))
    continue
  fi
  for result in $(sed -n 's/.*"result": *"\([A-Z]*\)".*/\1/p' "$log"); do
    case $result in
      OK|EXPECTEDFAIL) passed=$((passed + 1)) ;;
      SKIP) skipped=$((skipped + 1)) ;;
      *) failed=$((failed + 1)) ;;
    esac
  done
done
echo "$passed passed, $failed failed, $skipped skipped"
