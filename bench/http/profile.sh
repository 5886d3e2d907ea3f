#!/usr/bin/env bash
# Where the server's time and memory go under wrk load — the load-insensitive companion of
# run.sh. For POST /v1/predict with and without explanations it prints requests/s and p50/p99
# (load-sensitive: wrk shares the cores), and, from the server process itself:
#   cpu_us_per_req    server CPU (user + sys, all threads) / requests
#   log_cpu_us_per_req  of which the prediction log's writer thread (mhi-log-writer)
#   alloc_b_per_req   managed bytes allocated / requests            (dotnet-counters)
#   gc0/gc1/gc2_per_10k  collections per 10,000 requests, gc_pause_ms_per_s  (dotnet-counters)
# plus the load average before and after each run. Not a test: numbers go to docs/serving.md.
#
#   bash bench/http/profile.sh [MODEL] [DURATION] [RUNS]
#     MODEL     a bundle folder/.mhib or models:/NAME@ALIAS (default: trains a small model first)
#     DURATION  wrk duration per run in seconds (default 10)
#     RUNS      runs per path, interleaved (default 2)
#   DISTINCT_IDS=1 gives every request a User_ID of its own (as run.sh); CONNECTIONS=32 (wrk -c); SERVER_CPUS / WRK_CPUS pin the server / wrk with taskset (e.g. 0 / 1);
#   TRACKING_URI for a given MODEL reference; SERVE_FLAGS adds mhi serve flags (e.g. --PredictionLog:BatchSize=100);
#   other variables (e.g. DOTNET_GCgen0size=0x4000000) reach the server through the environment.
# Needs: wrk, a published mhi (make publish; MHI=PATH for another), dotnet-counters (dotnet tool install -g dotnet-counters
# --version 10.0.750501; without it the GC columns are left out).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
mhi="${MHI:-$root/artifacts/mhi/mhi}"
model="${1:-}"
seconds="${2:-10}"
runs="${3:-2}"
connections="${CONNECTIONS:-32}"
port="${PORT:-18081}"
counters="$(command -v dotnet-counters || echo "$HOME/.dotnet/tools/dotnet-counters")"
[ -x "$counters" ] || counters=""
work="$(mktemp -d /tmp/mhi-http-profile.XXXXXX)"
server=""
trap 'kill "$server" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

# shellcheck source=bench/http/common.sh
source "$root/bench/http/common.sh"
tick=$(getconf CLK_TCK)

start_server() {
  rm -f "$work"/predictions.db*
  # shellcheck disable=SC2086 # SERVE_FLAGS is a list of flags
  ${SERVER_CPUS:+taskset -c "$SERVER_CPUS"} "$mhi" serve --model "$model" \
    --tracking-uri "${TRACKING_URI:-sqlite:///$work/mlruns.db}" --urls "http://127.0.0.1:$port" \
    --prediction-log "$work/predictions.db" --RateLimiting:PermitLimit=0 \
    --Logging:LogLevel:Default=Warning ${SERVE_FLAGS:-} >"$work/server.log" 2>&1 &
  server=$!
  until curl -sf -o /dev/null -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$port/v1/predict"; do
    kill -0 "$server" 2>/dev/null || { echo "server exited:"; cat "$work/server.log"; exit 1; }
    sleep 0.05
  done
  # mhi serve runs the server as its child process: measure that one.
  pid=$(pgrep -P "$server" | head -1)
}

# CPU ticks (user + sys) of the prediction log's writer thread, 0 when there is none (log off).
writer_ticks() {
  local task
  for task in /proc/"$pid"/task/*; do
    if [ "$(cat "$task/comm" 2>/dev/null)" = "mhi-log-writer" ]; then
      awk '{print $14 + $15}' "$task/stat"
      return
    fi
  done
  echo 0
}

# Sums a per-second dotnet-counters column (CSV) whose name contains $1.
sum_counter() { grep -F "$1" "$work/counters.csv" | grep -F "${2:-}" | cut -d, -f5 | awk '{s+=$1} END {printf "%.0f", s}'; }
sum_pause() { grep -F "dotnet.gc.pause.time" "$work/counters.csv" | cut -d, -f5 | awk '{s+=$1} END {printf "%.1f", s*1000}'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); connections $connections; pinning server=${SERVER_CPUS:-none} wrk=${WRK_CPUS:-none}"
for run in $(seq "$runs"); do
  for path in "/v1/predict?explain=false" "/v1/predict"; do
    start_server
    ${WRK_CPUS:+taskset -c "$WRK_CPUS"} wrk -t2 -c"$connections" -d5s -s "$root/bench/http/predict.lua" "http://127.0.0.1:$port" -- "$path" ${DISTINCT_IDS:+distinct} >/dev/null
    if [ -n "$counters" ]; then
      "$counters" collect -p "$pid" --refresh-interval 1 --counters System.Runtime \
        --duration "00:00:00:$((seconds + 1))" -f csv -o "$work/counters.csv" >/dev/null 2>&1 &
      collector=$!
      sleep 1
    fi
    load0=$(cut -d' ' -f1 /proc/loadavg)
    cpu0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    log0=$(writer_ticks)
    out=$(${WRK_CPUS:+taskset -c "$WRK_CPUS"} wrk -t2 -c"$connections" -d"${seconds}s" --latency \
      -s "$root/bench/http/predict.lua" "http://127.0.0.1:$port" -- "$path" ${DISTINCT_IDS:+distinct} | grep '^requests=')
    cpu1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    log1=$(writer_ticks)
    load1=$(cut -d' ' -f1 /proc/loadavg)
    requests=$(echo "$out" | sed -E 's/requests=([0-9]+).*/\1/')
    line="RESULT POST $path $out cpu_us_per_req=$(( (cpu1 - cpu0) * 1000000 / tick / requests ))"
    line="$line log_cpu_us_per_req=$(awk -v t="$((log1 - log0))" -v k="$tick" -v r="$requests" 'BEGIN {printf "%.1f", t * 1e6 / k / r}')"
    if [ -n "$counters" ]; then
      wait "$collector" || true
      # The collector window is the run plus about a second of idle: allocations then are few.
      line="$line alloc_b_per_req=$(( $(sum_counter total_allocated) / requests ))"
      for gen in gen0 gen1 gen2; do
        line="$line ${gen/gen/gc}_per_10k=$(awk -v n="$(sum_counter dotnet.gc.collections "generation=$gen]")" -v r="$requests" 'BEGIN {printf "%.1f", n * 10000 / r}')"
      done
      line="$line gc_pause_ms_per_s=$(awk -v p="$(sum_pause)" -v s="$seconds" 'BEGIN {printf "%.1f", p / s}')"
    fi
    dropped=$(curl -s "http://127.0.0.1:$port/metrics" | grep '^mhi_prediction_log_dropped_total' | cut -d' ' -f2)
    echo "$line log_dropped=$dropped load=$load0→$load1"
    kill "$server"; wait "$server" 2>/dev/null || true
  done
done
