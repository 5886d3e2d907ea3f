#!/usr/bin/env bash
# Wall time and peak memory of `mhi monitor` (load + validate both CSV files, drift of the nine
# features, data quality, report) on generated data: reference and current of N rows each
# (different seeds), both profiles, no model, no tracking. A benchmark, not a test.
#   usage: bench/monitor-benchmark.sh [rows ...]      (default: 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
# The production build (ReadyToRun, `make publish`) unless MHI names another mhi.
mhi=${MHI:-artifacts/mhi/mhi}
[[ -x $mhi ]] || make publish
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
for rows in "${@:-1000000}"; do
  "$mhi" data generate --rows "$rows" --seed 1 --out "$work/ref.csv" >/dev/null 2>&1
  "$mhi" data generate --rows "$rows" --seed 2 --out "$work/cur.csv" >/dev/null 2>&1
  for profile in evidently strict; do
    /usr/bin/time -f "%e %M" -o "$work/time" \
      "$mhi" monitor --reference "$work/ref.csv" --current "$work/cur.csv" --out "$work/m-$profile" --profile "$profile" --no-track >/dev/null 2>&1
    read -r seconds kb <"$work/time"
    html=$(stat -c %s "$work/m-$profile/monitoring-report.html")
    printf 'rows %8d vs %8d  profile %-9s  wall %6.1f s  peak RSS %6.0f MiB  report %5.0f KiB\n' \
      "$rows" "$rows" "$profile" "$seconds" "$((kb / 1024))" "$((html / 1024))"
  done
done
