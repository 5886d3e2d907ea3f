#!/usr/bin/env bash
# Runs every test project (already built by `make lint`), in parallel, and ends with one plain
# closing line "N passed, N failed" that CI reads. Fails when any test fails or none ran.
set -uo pipefail
solution=$1 config=$2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test "$solution" -c "$config" --no-build --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
read -r passed failed skipped < <(
  grep -E '^(Passed|Failed)! +- Failed: ' "$log" \
    | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' \
    | awk '{p+=$1; f+=$2; s+=$3} END {printf "%d %d %d\n", p, f, s}'
)
echo
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [[ $status -ne 0 ]]; then exit "$status"; fi
if [[ $passed -eq 0 ]]; then echo "no test ran" >&2; exit 1; fi
if [[ $skipped -ne 0 ]]; then echo "skipped tests are not allowed" >&2; exit 1; fi
