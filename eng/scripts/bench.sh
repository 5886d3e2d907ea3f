#!/usr/bin/env bash
# Benchmarks (never part of `make test`): generates the 1,000,000-row file once, then runs the
# BenchmarkDotNet suites against it. Results land in BenchmarkDotNet.Artifacts/.
set -euo pipefail
config=${1:-Release}
file=out/bench/mental_health_1m.csv
if [[ ! -f $file ]]; then
  "src/MentalHealthInsights.Cli/bin/$config/net10.0/mhi" data generate --rows 1000000 --seed 42 --out "$file"
fi
MHI_BENCH_CSV=$(realpath "$file") dotnet run -c "$config" --project bench/MentalHealthInsights.Benchmarks -- --filter "${BENCH_FILTER:-*}"
