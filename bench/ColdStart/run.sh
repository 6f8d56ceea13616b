#!/usr/bin/env bash
# Cold-start measurements of the function packages, side by side in one run (results: bench/RESULTS.md, "Cold start").
# Usage: bench/ColdStart/run.sh [--runs N] [--rounds N] [--functions N] [--event file.json] [--env NAME=VALUE]...
#                               [--variants] [--rebuild]
#   --runs N        runs per row and round (default 10; one more warm-up run each is not counted)
#   --rounds N      repeat the three package rows N times, alternating, so each sees the same machine (default 1)
#   --functions N   tagged functions in moto_server (default 20)
#   --event FILE    the event to time start -> posted result with (default bench/ColdStart/scheduled-event.json)
#   --env NAME=VAL  extra environment for the bootstrap rows (e.g. LOG_LEVEL=warn)
#   --variants      also the Native AOT package rebuilt with the other size/speed settings (OptimizationPreference
#                   Speed and Size; package.sh's default is ILCompiler's blend), to choose package.sh's settings by
#                   measurement
#   --rebuild       republish the bench packages even when they exist
# Rows (every one runs the real engine: moto_server with N tagged functions, a fresh Consul simulator per run, so the
# Scheduled Event is a first full sync registering N):
#   "Native AOT":  artifacts/lambda-registrator-provided.al2023-x86_64.zip, what scripts/package.sh builds by default.
#   "ReadyToRun":  the same package built with scripts/package.sh --compile r2r (into artifacts/bench/r2r/).
#   "dotnet10":    the managed package's handler loaded by a .NET host (Lambda's RuntimeSupport is not included);
#                  it times process start -> handler returned, the full sync included.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=10 rounds=1 functions=20 variants=0 rebuild=0 event=bench/ColdStart/scheduled-event.json shipped_env=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --functions) functions=$2; shift 2 ;;
    --event) event=$2; shift 2 ;;
    --env) shipped_env+=(--env "$2"); shift 2 ;;
    --variants) variants=1; shift ;;
    --rebuild) rebuild=1; shift ;;
    *) echo "run.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

aot=artifacts/lambda-registrator-provided.al2023-x86_64.zip
dotnet10=artifacts/lambda-registrator-dotnet10.zip
if [ "$rebuild" = 1 ] || [ ! -f "$aot" ] || [ ! -f "$dotnet10" ] || unzip -Z1 "$aot" | grep -q '\.dll$'; then
  scripts/package.sh >&2
fi
dotnet build bench/ColdStart -c Release -v q --nologo >/dev/null
tool=(dotnet bench/ColdStart/bin/Release/net10.0/ColdStart.dll)

# The provided.al2023 package built by package.sh with other options, into artifacts/bench/<name>/.
package() { # name package.sh-arg...
  local name=$1; shift
  local dir="artifacts/bench/$name"
  if [ "$rebuild" = 1 ] || [ ! -f "$dir/lambda-registrator-provided.al2023-x86_64.zip" ]; then
    scripts/package.sh --only provided --out "$dir" "$@" >&2
  fi
  echo "$dir/lambda-registrator-provided.al2023-x86_64.zip"
}
r2r=$(package r2r --compile r2r)
if [ "$variants" = 1 ]; then
  aot_size=$(package aot-size --msbuild-arg -p:OptimizationPreference=Size)
  aot_speed=$(package aot-speed --msbuild-arg -p:OptimizationPreference=Speed)
fi

row() { # kind zip label
  "${tool[@]}" "$1" "$2" --runs "$runs" --event "$event" --functions "$functions" --label "$3" "${shipped_env[@]}"
}

echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs; $(date -u +%FT%TZ)"
echo
echo "| package | runs | start → first Runtime API request, median (min–max) | start → posted result | process CPU time at first request | process CPU time at the end (after the result) | peak RSS, median (max) | zip | first request | result |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
  suffix=""; [ "$rounds" = 1 ] || suffix=" #$round"
  row provided "$aot" "Native AOT (package.sh default), $functions functions$suffix"
  row provided "$r2r" "ReadyToRun composite (--compile r2r), $functions functions$suffix"
  row dotnet10 "$dotnet10" "dotnet10 package, handler loaded by a .NET host, $functions functions$suffix"
  if [ "$variants" = 1 ]; then
    row provided "$aot_size" "Native AOT, OptimizationPreference=Size$suffix"
    row provided "$aot_speed" "Native AOT, OptimizationPreference=Speed$suffix"
  fi
done
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
