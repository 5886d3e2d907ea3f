#!/usr/bin/env bash
# Throughput and peak memory of `mhi batch` on generated files (default 1,000,000 and 2,000,000
# rows, to show whether memory stays flat as the file grows), with an XGBoost model trained on
# the defaults (200 rounds, depth 4, no search), pseudonymised and raw ids. A benchmark, not a test.
# "process" is the whole command (start, model load and verification included), "job" the
# scoring itself (the --json summary's elapsedSeconds); on a shared machine compare the CPU
# seconds per million rows, which depend far less on the load average printed with each run.
#   usage: bench/batch-benchmark.sh [rows ...]
set -euo pipefail
cd "$(dirname "$0")/.."
# The production build (ReadyToRun, `make publish`) unless MHI names another mhi.
mhi=${MHI:-artifacts/mhi/mhi}
[[ -x $mhi ]] || make publish
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
"$mhi" data generate --rows 5000 --seed 1 --out "$work/train.csv" >/dev/null 2>&1
"$mhi" train --input "$work/train.csv" --out "$work/t" --models xgb --search-budget 1 --folds 3 \
  --bootstrap 100 --tracking-uri "sqlite:///$work/mlruns.db" >/dev/null 2>&1
export MHI_PSEUDONYMISATION_KEY=benchmark-key-0123456789
sizes=("$@")
# "${@:-a b}" would pass the default as one word: keep a real list instead.
((${#sizes[@]})) || sizes=(1000000 2000000)
for rows in "${sizes[@]}"; do
  "$mhi" data generate --rows "$rows" --seed 42 --out "$work/d.csv" >/dev/null 2>&1
  for mode in pseudonymised raw; do
    extra=()
    [[ $mode == raw ]] && extra=(--raw-ids)
    # The previous run's output is removed and written back first: replacing a 100 MB file of
    # dirty pages inside the timed run added up to 0.5 s of system time, at random.
    rm -f "$work/out.csv" "$work/out.rejects.csv"
    sync
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f "%e %M %U %S" -o "$work/time" \
      "$mhi" batch --input "$work/d.csv" --output "$work/out.csv" --model "$work/t/models/xgb" "${extra[@]}" --json >"$work/summary.json" 2>/dev/null
    read -r seconds kb user sys <"$work/time"
    # The job's own time (reading to the last rename), without process start and model loading.
    job=$(grep -o '"elapsedSeconds": [0-9.]*' "$work/summary.json" | cut -d' ' -f2)
    cpu=$(echo "$user + $sys" | bc -l)
    printf 'rows %8d  ids %-13s  process %6.2f s = %8.0f rows/s  job %5.2f s = %8.0f rows/s  cpu %5.2f s (%4.2f s per million rows)  peak RSS %4d MiB  load %s\n' \
      "$rows" "$mode" "$seconds" "$(echo "$rows / $seconds" | bc -l)" "$job" "$(echo "$rows / $job" | bc -l)" \
      "$cpu" "$(echo "$cpu * 1000000 / $rows" | bc -l)" "$((kb / 1024))" "$load"
  done
done
