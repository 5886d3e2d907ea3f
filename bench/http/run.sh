#!/usr/bin/env bash
# HTTP benchmark of `mhi serve` on loopback with wrk (32 connections): requests/s and p50/p99 for
# POST /v1/predict with and without explanations, and the cold start (process start → first
# successful prediction). Not a test: numbers go to the README.
#
#   bash bench/http/run.sh [MODEL] [DURATION]
#     MODEL     a bundle folder/.mhib or models:/NAME@ALIAS (default: trains a small model first)
#     DURATION  wrk duration per run (default 20s)
#   env:      MHI_SERVE_EXTRA   extra `mhi serve` arguments, e.g. --PredictionLog:Enabled=false
#             MHI               the mhi to measure (default: the published build, artifacts/mhi/mhi)
#             DISTINCT_IDS=1    a User_ID of its own in every request (real traffic: every
#                               prediction adds a key to the prediction log's subject index);
#                               by default all requests send the same one
#             WARMUP            load before each measured run (default 20s). The server runs with
#                               dynamic PGO, so under load its tiered JIT keeps recompiling for
#                               ≈ 20–25 s on a 2-core VM (docs/serving.md); WARMUP=5s measures
#                               that transient instead of the steady state.
#
# Needs: wrk (apt-get install wrk), a published mhi (make publish; MHI=PATH measures another build).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
mhi="${MHI:-$root/artifacts/mhi/mhi}"
model="${1:-}"
duration="${2:-20s}"
port="${PORT:-18080}"
work="$(mktemp -d /tmp/mhi-http-bench.XXXXXX)"
trap 'kill "$server" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

# shellcheck source=bench/http/common.sh
source "$root/bench/http/common.sh"

start_ns=$(date +%s%N)
# Rate limiting off (it would throttle one client at this load); the prediction log stays on.
"$mhi" serve --model "$model" --tracking-uri "sqlite:///$work/mlruns.db" --urls "http://127.0.0.1:$port" \
  --prediction-log "$work/predictions.db" --RateLimiting:PermitLimit=0 \
  --Logging:LogLevel:Default=Warning ${MHI_SERVE_EXTRA:-} >"$work/server.log" 2>&1 &
server=$!
until curl -sf -o /dev/null -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$port/v1/predict"; do
  kill -0 "$server" 2>/dev/null || { echo "server exited:"; cat "$work/server.log"; exit 1; }
  sleep 0.02
done
cold_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(dotnet --version) SDK"
echo "model: $(curl -s "http://127.0.0.1:$port/v1/model" | sed -E 's/.*"trainer":"([^"]+)".*"displayName":"([^"]+)".*/\1 (\2)/')"
echo "RESULT cold_start_ms=$cold_ms (mhi serve start → first successful /v1/predict, model load included)"
for path in "/v1/predict?explain=false" "/v1/predict"; do
  wrk -t2 -c32 -d"${WARMUP:-20s}" -s "$root/bench/http/predict.lua" "http://127.0.0.1:$port" -- "$path" ${DISTINCT_IDS:+distinct} >/dev/null  # warm-up
  wrk -t2 -c32 -d"$duration" --latency -s "$root/bench/http/predict.lua" "http://127.0.0.1:$port" -- "$path" ${DISTINCT_IDS:+distinct} \
    | grep '^requests=' | sed "s#^#RESULT POST $path #"
done
echo "prediction log dropped: $(curl -s "http://127.0.0.1:$port/metrics" | grep '^mhi_prediction_log_dropped_total' | cut -d' ' -f2)"
