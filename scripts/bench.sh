#!/usr/bin/env bash
# The account-scale benchmark: synthetic accounts of 100, 1,000 and 10,000 functions behind a counting AWS stub
# and the Consul simulator (5 ms per request), each engine strategy against a Go-equivalent one. Writes the
# "Account scale" block of bench/RESULTS.md (between its markers) and prints it.
# Usage: ./scripts/bench.sh [--quick] [more options: --sizes, --reps, --latency-ms, --strategies, --no-moto]
#   --quick  N = 100 and 1,000, one repetition (a smoke test). It cannot finish in under a minute: the six
#            list-functions and Go-equivalent full syncs at 1,000 functions wait on the 100 req/s GetFunction quota
#            (>= 10 s each); expect 2-3 minutes plus the build, less with --no-moto.
#            The full run takes about 20 minutes on 2 cores (the 10,000-function quota-bound syncs run once, ~2 min each).
# Exit status: 0 when done, 1 when the engine left a wrong Consul end state, 2 on bad usage or a missing tool.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v dotnet >/dev/null 2>&1 || missing+=("dotnet: install the .NET SDK 10.0 (https://dotnet.microsoft.com/download)")
moto=1
for arg in "$@"; do [ "$arg" = "--no-moto" ] && moto=0; done
if [ $moto -eq 1 ] && ! command -v moto_server >/dev/null 2>&1; then
  missing+=("moto_server: pip install 'moto[server]>=5.1' (the N = 100 cross-check runs against it), or pass --no-moto")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench.sh: cannot run, missing:" >&2
  for m in "${missing[@]}"; do echo "  - $m" >&2; done
  exit 2
fi

echo "bench.sh: load average before the run: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
dotnet build bench/Scale/LambdaRegistrator.Bench.Scale.csproj -c Release --nologo -v quiet
exec bench/Scale/bin/Release/net10.0/LambdaRegistrator.Bench.Scale --results bench/RESULTS.md --logs artifacts/bench "$@"
