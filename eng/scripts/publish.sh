#!/usr/bin/env bash
# Publishes `mhi` and its server ReadyToRun-compiled (framework-dependent, for this machine's
# runtime: linux-x64 or linux-arm64) into OUT, the layout `mhi serve` expects (server/ beside
# mhi). Used by `make publish` (benchmarks) and deploy/Dockerfile.
# ReadyToRun precompiles every assembly, ML.NET's included, so a process does not spend its
# first seconds in the JIT: a 1,000-row `mhi train` measured one third less CPU; long jobs are
# unchanged (hot code is recompiled by the tiered JIT either way). Costs ~2 CPU-minutes once.
#   usage: eng/scripts/publish.sh OUT [CONFIG]
set -euo pipefail
out=${1:?usage: publish.sh OUT [CONFIG]}
config=${2:-Release}
case $(uname -m) in
  x86_64 | amd64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *) echo "publish.sh: no ReadyToRun runtime for $(uname -m); use the build output instead" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/../.."
# The Cli's build copies the server beside mhi; publish does not, so the server is published
# into server/ next to mhi.
flags=(-c "$config" --nologo -v quiet -clp:NoSummary -r "$rid" --self-contained false -p:PublishReadyToRun=true)
dotnet publish src/MentalHealthInsights.Cli "${flags[@]}" -o "$out"
dotnet publish src/MentalHealthInsights.Server "${flags[@]}" -o "$out/server"
echo "published $out/mhi ($rid, ReadyToRun)"
