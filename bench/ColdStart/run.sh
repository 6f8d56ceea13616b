#!/usr/bin/env bash
# Cold-start measurements of the function packages (results: bench/RESULTS.md, "Cold start").
# Usage: bench/ColdStart/run.sh [--runs N] [--functions N] [--event file.json] [--env NAME=VALUE]... [--variants] [--rebuild]
#   --runs N        runs per configuration (default 10; one more warm-up run each is not counted)
#   --functions N   tagged functions in moto_server for the registrator rows (default 20)
#   --event FILE    the event to time start -> posted result with (default bench/ColdStart/scheduled-event.json)
#   --env NAME=VAL  extra environment for the registrator rows (e.g. LOG_LEVEL=warn)
#   --variants      also try runtime knobs (env) on the shipped package, rebuilt echo packages (UseSystemResourceKeys, no R2R composite, no R2R)
#                   and the shipped package rebuilt without R2R composite
#   --rebuild       republish the bench packages even when they exist
# Rows:
#   "host loop": bench/ColdStart/EchoFunction = the real LambdaRuntime with a handler that answers a small summary,
#                published exactly like the provided.al2023 package; measures the runtime itself (baseline).
#   "shipped":   artifacts/lambda-registrator-provided.al2023-x86_64.zip, the real engine: moto_server with N tagged
#                functions, a fresh Consul simulator per run, so the Scheduled Event is a first full sync registering N.
#   "dotnet10":  the managed package's handler loaded by a .NET host (Lambda's RuntimeSupport is not included), same world.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=10 functions=20 variants=0 rebuild=0 event=bench/ColdStart/scheduled-event.json shipped_env=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --functions) functions=$2; shift 2 ;;
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
      -p:PublishTrimmed=true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -p:InvariantGlobalization=true -p:TrimmerSingleWarn=false \
      -p:DebugType=none -p:DebugSymbols=false --artifacts-path "artifacts/bench/build-$name" -o "$dir" --nologo -v q "$@" >&2
    mv "$dir/EchoFunction" "$dir/bootstrap"
    rm -f "$dir"/createdump "$dir"/libmscordaccore.so "$dir"/libmscordbi.so "$dir"/libcoreclrtraceptprovider.so "$dir"/libclrgc.so "$dir"/libclrgcexp.so
    (cd "$dir" && zip -q -X -D -r "$OLDPWD/$zipfile" .)
  fi
  echo "$zipfile"
}

# The shipped provided.al2023 package rebuilt with extra MSBuild arguments (package.sh's own settings plus these).
shipped_package() { # name [msbuild-arg...]
  local name=$1; shift
  local dir="artifacts/bench/$name" zipfile="artifacts/bench/$name/lambda-registrator-provided.al2023-x86_64.zip" args=()
  if [ "$rebuild" = 1 ] || [ ! -f "$zipfile" ]; then
    for a in "$@"; do args+=(--msbuild-arg "$a"); done
    scripts/package.sh --only provided --out "$dir" "${args[@]}" >&2
  fi
  echo "$zipfile"
}

echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs; $(date -u +%FT%TZ)"
echo
echo "| package / setting | runs | start → first Runtime API request, median (min–max) | start → posted result | process CPU time at first request | process CPU time at the end (after the result) | peak RSS, median (max) | zip | first request | result |"
echo "|---|---|---|---|---|---|---|---|---|---|"
echo_zip=$(echo_package echo)
"${tool[@]}" provided "$echo_zip" --runs "$runs" --event "$event" --label "host loop (echo handler), R2R composite + trimmed"
"${tool[@]}" provided "$provided" --runs "$runs" --event "$event" --functions "$functions" --label "shipped provided.al2023 package, $functions functions" "${shipped_env[@]}"
if [ "$variants" = 1 ]; then
  for knob in DOTNET_TieredPGO=0 DOTNET_TC_QuickJitForLoops=0 DOTNET_TieredCompilation=0 DOTNET_ReadyToRun=0 DOTNET_gcConcurrent=0; do
    "${tool[@]}" provided "$provided" --runs "$runs" --event "$event" --functions "$functions" --label "shipped package + $knob" --env "$knob" "${shipped_env[@]}"
  done
  zip_keys=$(echo_package echo-resourcekeys -p:UseSystemResourceKeys=true)
  "${tool[@]}" provided "$zip_keys" --runs "$runs" --event "$event" --label "host loop rebuilt with UseSystemResourceKeys"
  zip_plain=$(echo_package echo-not-composite -p:PublishReadyToRunComposite=false)
  "${tool[@]}" provided "$zip_plain" --runs "$runs" --event "$event" --label "host loop rebuilt without R2R composite"
  zip_jit=$(echo_package echo-jit -p:PublishReadyToRun=false)
  "${tool[@]}" provided "$zip_jit" --runs "$runs" --event "$event" --label "host loop rebuilt without ReadyToRun (trimmed, JIT)"
  zip_shipped_plain=$(shipped_package shipped-not-composite -p:PublishReadyToRunComposite=false)
  "${tool[@]}" provided "$zip_shipped_plain" --runs "$runs" --event "$event" --functions "$functions" --label "shipped package rebuilt without R2R composite, $functions functions" "${shipped_env[@]}"
fi
"${tool[@]}" dotnet10 "$dotnet10" --runs "$runs" --event "$event" --functions "$functions" --label "dotnet10 package, handler loaded by a .NET host, $functions functions" "${shipped_env[@]}"
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
