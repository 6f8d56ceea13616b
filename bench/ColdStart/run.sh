#!/usr/bin/env bash
# Cold-start measurements of the function packages (results: bench/RESULTS.md, "Cold start").
# Usage: bench/ColdStart/run.sh [--runs N] [--event file.json] [--env NAME=VALUE]... [--variants] [--rebuild]
#   --runs N        runs per configuration (default 10)
#   --event FILE    the event to time start -> posted result with (default bench/ColdStart/scheduled-event.json)
#   --env NAME=VAL  extra environment for the shipped package (e.g. CONSUL_HTTP_ADDR, AWS_ENDPOINT_URL of moto_server)
#   --variants      also try runtime knobs (env) and rebuilt echo packages (UseSystemResourceKeys, R2R composite, no R2R)
#   --rebuild       republish the echo packages even when they exist
# Rows:
#   "host loop": bench/ColdStart/EchoFunction = the real LambdaRuntime with a handler that answers a small summary,
#                published exactly like the provided.al2023 package; measures the runtime itself.
#   "shipped":   artifacts/lambda-registrator-provided.al2023-x86_64.zip with its Composition (init error until the
#                engine is composed; then pass --env with moto/Consul settings and it measures the real engine).
#   "dotnet10":  the managed package's handler loaded by a .NET host (Lambda's RuntimeSupport is not included).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=10 variants=0 rebuild=0 event=bench/ColdStart/scheduled-event.json shipped_env=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --event) event=$2; shift 2 ;;
    --env) shipped_env+=(--env "$2"); shift 2 ;;
    --variants) variants=1; shift ;;
    --rebuild) rebuild=1; shift ;;
    *) echo "run.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

provided=artifacts/lambda-registrator-provided.al2023-x86_64.zip
dotnet10=artifacts/lambda-registrator-dotnet10.zip
[ -f "$provided" ] && [ -f "$dotnet10" ] || scripts/package.sh >&2
dotnet build bench/ColdStart -c Release -v q --nologo >/dev/null
tool=(dotnet bench/ColdStart/bin/Release/net10.0/ColdStart.dll)

# Publishes EchoFunction with the provided.al2023 package's settings (plus extra MSBuild args) into a zip.
echo_package() { # name [msbuild-arg...]
  local name=$1; shift
  local dir="artifacts/bench/$name" zipfile="artifacts/bench/$name.zip"
  if [ "$rebuild" = 1 ] || [ ! -f "$zipfile" ]; then
    rm -rf "$dir" "$zipfile"
    dotnet publish bench/ColdStart/EchoFunction -c Release -r linux-x64 --self-contained true \
      -p:PublishTrimmed=true -p:PublishReadyToRun=true -p:InvariantGlobalization=true -p:TrimmerSingleWarn=false \
      -p:DebugType=none -p:DebugSymbols=false --artifacts-path artifacts/bench/build -o "$dir" --nologo -v q "$@" >&2
    mv "$dir/EchoFunction" "$dir/bootstrap"
    rm -f "$dir"/createdump "$dir"/libmscordaccore.so "$dir"/libmscordbi.so "$dir"/libcoreclrtraceptprovider.so "$dir"/libclrgc.so "$dir"/libclrgcexp.so
    (cd "$dir" && zip -q -X -D -r "$OLDPWD/$zipfile" .)
  fi
  echo "$zipfile"
}

echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs; $(date -u +%FT%TZ)"
echo
echo "| package / setting | runs | start → first Runtime API request, median (min–max) | start → posted result | process CPU time (user+sys), median (min–max) | peak RSS | zip | first request |"
echo "|---|---|---|---|---|---|---|---|"
echo_zip=$(echo_package echo)
"${tool[@]}" provided "$echo_zip" --runs "$runs" --event "$event" --label "host loop (echo handler), R2R + trimmed"
"${tool[@]}" provided "$provided" --runs "$runs" --event "$event" --label "shipped provided.al2023 package" "${shipped_env[@]}"
if [ "$variants" = 1 ]; then
  for knob in DOTNET_TieredPGO=0 DOTNET_TC_QuickJitForLoops=0 DOTNET_TieredCompilation=0 DOTNET_ReadyToRun=0 DOTNET_gcConcurrent=0; do
    "${tool[@]}" provided "$echo_zip" --runs "$runs" --event "$event" --label "host loop + $knob" --env "$knob"
  done
  zip_keys=$(echo_package echo-resourcekeys -p:UseSystemResourceKeys=true)
  "${tool[@]}" provided "$zip_keys" --runs "$runs" --event "$event" --label "host loop rebuilt with UseSystemResourceKeys"
  zip_composite=$(echo_package echo-composite -p:PublishReadyToRunComposite=true)
  "${tool[@]}" provided "$zip_composite" --runs "$runs" --event "$event" --label "host loop rebuilt as R2R composite"
  zip_jit=$(echo_package echo-jit -p:PublishReadyToRun=false)
  "${tool[@]}" provided "$zip_jit" --runs "$runs" --event "$event" --label "host loop rebuilt without ReadyToRun (trimmed, JIT)"
fi
"${tool[@]}" dotnet10 "$dotnet10" --runs "$runs" --event "$event" --label "dotnet10 package, handler loaded by a .NET host" "${shipped_env[@]}"
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
