#!/usr/bin/env bash
# Wall time and peak memory of `mhi train` (lr, rf, xgb + baseline, 5-fold CV, default search
# budget of 20 configurations per model) on generated data of 1,000 and 100,000 rows, plus the
# same without search (budget 1) for comparison with a plain fit + CV. A benchmark, not a test.
#   usage: bench/train-benchmark.sh [rows ...]      (default: 1000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
mhi=src/MentalHealthInsights.Cli/bin/Release/net10.0/mhi
[[ -x $mhi ]] || dotnet build src/MentalHealthInsights.Cli -c Release --nologo -v quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
for rows in "${@:-1000 100000}"; do
  for rows1 in $rows; do
    "$mhi" data generate --rows "$rows1" --seed 42 --out "$work/d$rows1.csv" >/dev/null 2>&1
    for budget in 20 1; do
      /usr/bin/time -f "%e %M" -o "$work/time" \
        "$mhi" train --input "$work/d$rows1.csv" --out "$work/t$rows1-$budget" --search-budget "$budget" >/dev/null 2>&1
      read -r seconds kb <"$work/time"
      printf 'rows %7d  search budget %2d  wall %7.1f s  peak RSS %6.0f MiB\n' "$rows1" "$budget" "$seconds" "$((kb / 1024))"
    done
  done
done
