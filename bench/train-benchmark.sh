#!/usr/bin/env bash
# Wall time and peak memory of `mhi train` (lr, rf, xgb + baseline, 5-fold CV, default search
# budget of 20 configurations per model) on generated data of 1,000 and 100,000 rows: with the
# default search strategy (successive halving), with the full search, and without search
# (budget 1) for comparison with a plain fit + CV. Tracking goes to a scratch SQLite store.
# Prints wall time, CPU seconds (user + sys: steadier than wall on a shared VM) and peak RSS.
# A benchmark, not a test.
#   usage: bench/train-benchmark.sh [rows ...]      (default: 1000 100000)
#   env:   REPEATS=N   runs of each setting (default 1; the table shows every run)
#          STRATEGIES="halving full"   search strategies measured at budget 20
#          BASELINE=path/to/other/mhi   also run that build, interleaved run by run with this one
#                                       (the VM's speed drifts by ±30 % within minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
# The production build (ReadyToRun, `make publish`) unless MHI names another mhi.
mhi=${MHI:-artifacts/mhi/mhi}
[[ -x $mhi ]] || make publish
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for rows in ${@:-1000 100000}; do
  "$mhi" data generate --rows "$rows" --seed 42 --out "$work/d$rows.csv" >/dev/null 2>&1
  for setting in ${STRATEGIES:-halving full} none; do
    if [[ $setting == none ]]; then strategy=full budget=1; else strategy=$setting budget=20; fi
    for ((run = 1; run <= ${REPEATS:-1}; run++)); do
      for build in this ${BASELINE:+baseline}; do
        if [[ $build == this ]]; then binary=$mhi; else binary=$BASELINE; fi
        load=$(cut -d' ' -f1 /proc/loadavg)
        rm -rf "$work/t$rows-$setting"
        /usr/bin/time -f "%e %M %U %S" -o "$work/time" \
          "$binary" train --input "$work/d$rows.csv" --out "$work/t$rows-$setting" --tracking-uri "$work/mlruns.db" \
          --search-budget "$budget" --search-strategy "$strategy" >/dev/null 2>&1
        read -r seconds kb user sys <"$work/time"
        printf '%-8s rows %7d  search %-7s budget %2d  wall %7.1f s  CPU %7.1f s  peak RSS %6.0f MiB  (load %s)\n' \
          "$build" "$rows" "$strategy" "$budget" "$seconds" "$(awk "BEGIN {print $user + $sys}")" "$((kb / 1024))" "$load"
      done
    done
  done
done
