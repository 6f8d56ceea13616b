#!/usr/bin/env bash
# Builds the deployable zips of the LambdaRegistrator function into artifacts/:
#   lambda-registrator-provided.al2023-<arch>.zip  custom runtime (provided.al2023): `bootstrap` at the zip root,
#                                                  self-contained, trimmed, ReadyToRun composite (framework and app
#                                                  precompiled together); fails on any IL2xxx/IL3xxx warning
#   lambda-registrator-dotnet10.zip                managed runtime (dotnet10): framework-dependent, handler
#                                                  LambdaRegistrator.Function::LambdaRegistrator.Function.FunctionHandler::HandleAsync
# Zips are reproducible: sorted entries, no extra attributes, every timestamp = SOURCE_DATE_EPOCH
# (default: the last commit's time), deterministic compilation with mapped source paths.
#
# Usage: scripts/package.sh [--arch x86_64|arm64] [--only provided|dotnet10] [--check-reproducible]
#                           [--msbuild-arg -p:Name=Value]...
#   --arch                 instruction set of the provided.al2023 package (default x86_64 = linux-x64)
#   --only                 build one package
#   --check-reproducible   build everything twice from clean and compare file lists and checksums
#   --msbuild-arg          extra argument for the provided.al2023 publish (repeatable; used by bench/ColdStart)
#   --out DIR              where the zips go (default artifacts/)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
project=src/LambdaRegistrator.Function/LambdaRegistrator.Function.csproj

arch=x86_64 only="" check=0 out="$root/artifacts" extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --arch) arch=${2:?--arch needs x86_64 or arm64}; shift 2 ;;
    --only) only=${2:?--only needs provided or dotnet10}; shift 2 ;;
    --check-reproducible) check=1; shift ;;
    --msbuild-arg) extra+=("${2:?--msbuild-arg needs a value}"); shift 2 ;;
    --out) out=$(mkdir -p "$2" && cd "$2" && pwd); shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "package.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
case "$arch" in
  x86_64) rid=linux-x64 ;;
  arm64) rid=linux-arm64 ;;
  *) echo "package.sh: --arch must be x86_64 or arm64, not '$arch'" >&2; exit 2 ;;
esac
case "$only" in ""|provided|dotnet10) ;; *) echo "package.sh: --only must be provided or dotnet10, not '$only'" >&2; exit 2 ;; esac
for tool in dotnet zip unzip python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "package.sh: '$tool' is missing (apt-get install zip unzip / install the .NET 10 SDK)" >&2; exit 2; }
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || echo 315532800)
fi
# DOS timestamps in a zip cannot go below 1980.
[ "$SOURCE_DATE_EPOCH" -lt 315532800 ] && SOURCE_DATE_EPOCH=315532800
export SOURCE_DATE_EPOCH

provided_zip="lambda-registrator-provided.al2023-$arch.zip"
dotnet10_zip="lambda-registrator-dotnet10.zip"
# Builds go to their own bin/obj tree so they never fight a developer's RID-less build over obj/project.assets.json.
work="$root/artifacts/package"

# Zips a folder reproducibly: fixed permissions and timestamps, sorted entries, no extra attributes (-X), no
# directory entries (-D).
make_zip() { # dir zip executable...
  local dir=$1 zipfile=$2; shift 2
  find "$dir" -type f -exec chmod 0644 {} + ; find "$dir" -type d -exec chmod 0755 {} +
  local exe; for exe in "$@"; do chmod 0755 "$dir/$exe"; done
  find "$dir" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
  rm -f "$zipfile"
  (cd "$dir" && find . -type f -printf '%P\n' | LC_ALL=C sort | TZ=UTC zip -X -D -q -9 -@ "$zipfile")
}

# Fails the build on any trim/AOT analysis warning, whether MSBuild reported it as a warning or an error.
trim_gate() { # log
  local hits; hits=$(grep -E '(warning|error) IL[23][0-9]{3}' "$1" | sort -u || true)
  if [ -n "$hits" ]; then
    echo "package.sh: trim gate FAILED, IL2xxx/IL3xxx diagnostics in the publish:" >&2
    echo "$hits" >&2
    return 1
  fi
  echo "  trim gate: no IL2xxx/IL3xxx warnings (TreatWarningsAsErrors on, TrimmerSingleWarn=false)"
}

# Reports whether the publish is ReadyToRun-compiled and trimmed, from the files themselves.
describe_publish() { # dir rid
  python3 - "$1" "$2" "$HOME/.nuget/packages/microsoft.netcore.app.runtime.$2" <<'PY'
import glob, os, struct, sys
pub, rid, pack = sys.argv[1], sys.argv[2], sys.argv[3]
def is_r2r(path):
    # A ReadyToRun image has a non-empty ManagedNativeHeader directory in its CLI (COR20) header.
    with open(path, "rb") as f: data = f.read()
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    sections = struct.unpack_from("<H", data, pe + 6)[0]; opt_size = struct.unpack_from("<H", data, pe + 20)[0]
    opt = pe + 24; magic = struct.unpack_from("<H", data, opt)[0]
    dirs = opt + (96 if magic == 0x10B else 112)
    cli_rva = struct.unpack_from("<I", data, dirs + 14 * 8)[0]
    if cli_rva == 0: return None
    sec = opt + opt_size
    for i in range(sections):
        vsize, va, size, raw = struct.unpack_from("<IIII", data, sec + i * 40 + 8)
        if va <= cli_rva < va + max(vsize, size):
            cor = cli_rva - va + raw
            return struct.unpack_from("<I", data, cor + 0x40 + 4)[0] > 0
    return None
ours = [p for p in sorted(glob.glob(os.path.join(pub, "LambdaRegistrator*.dll")))]
flags = {os.path.basename(p): is_r2r(p) for p in ours}
print("  ReadyToRun: " + ", ".join(f"{n}={'yes' if v else 'no'}" for n, v in flags.items()))
packs = sorted(glob.glob(os.path.join(pack, "*", "runtimes", rid, "lib", "net*")))
if packs:
    full = [f for f in os.listdir(packs[-1]) if f.endswith(".dll")]
    full_size = sum(os.path.getsize(os.path.join(packs[-1], f)) for f in full)
    kept = [f for f in os.listdir(pub) if f.endswith(".dll") and f in full]
    kept_size = sum(os.path.getsize(os.path.join(pub, f)) for f in kept)
    print(f"  trimmed: {len(kept)} of {len(full)} framework assemblies kept, {kept_size/1e6:.1f} MB of {full_size/1e6:.1f} MB")
PY
}

build_provided() { # zipdir
  local pub="$work/provided-$arch" log="$work/provided-$arch.log" build="$work/build"
  # Why: intermediate files of a build with other --msbuild-arg settings (e.g. composite off) must not be reused: an
  # incremental publish would copy framework assemblies compiled for a composite image that is not there.
  [ ${#extra[@]} -eq 0 ] || build="$work/build-$(printf '%s\n' "${extra[@]}" | sha256sum | cut -c1-12)"
  rm -rf "$pub"; mkdir -p "$work"
  echo "package.sh: provided.al2023 ($rid), self-contained, trimmed, ReadyToRun composite -> $1/$provided_zip"
  if ! dotnet publish "$project" -c Release -r "$rid" --self-contained true \
      --artifacts-path "$build" -o "$pub" --nologo \
      -p:PublishTrimmed=true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -p:InvariantGlobalization=true \
      -p:TrimmerSingleWarn=false -p:TreatWarningsAsErrors=true -p:ILLinkTreatWarningsAsErrors=true \
      -p:DebugType=none -p:DebugSymbols=false -p:ContinuousIntegrationBuild=true \
      "${extra[@]}" >"$log" 2>&1; then
    cat "$log" >&2
    if grep -q "NU1101.*Runtime.$rid" "$log"; then
      echo "package.sh: the $rid runtime packs (Microsoft.NETCore.App.Runtime.$rid, ...Host.$rid) are not on the NuGet feed this machine uses; --arch $arch cannot be built here." >&2
    fi
    echo "package.sh: publish for $rid failed; full log: $log" >&2
    return 1
  fi
  trim_gate "$log"
  # Why R2R composite: the framework and our assemblies are compiled into one native image, so the generic
  # instantiations and cross-assembly inlines the engine needs at cold start (System.Text.Json, HttpClient, async state
  # machines over our types) are precompiled instead of jitted; it halved the CPU of a cold full sync of 20 functions
  # (bench/RESULTS.md, "Cold start") for +1.4 MB of zip, and stays trim-clean and reproducible (--check-reproducible).
  # Why: provided.al2023 runs an executable named `bootstrap` at the zip root. The apphost finds
  # LambdaRegistrator.Function.dll by the name patched into it, so renaming the host is enough and the assembly
  # keeps the name the managed handler string uses.
  mv "$pub/LambdaRegistrator.Function" "$pub/bootstrap"
  find "$pub" \( -name '*.pdb' -o -name '*.dbg' -o -name '*.xml' \) -delete
  # Why: nothing attaches a debugger, takes a crash dump or traces with LTTng inside Lambda, and the standalone GCs
  # are only loaded when configured; dropping them shrinks the zip and coreclr stops probing the LTTng provider at start.
  rm -f "$pub"/createdump "$pub"/libmscordaccore.so "$pub"/libmscordbi.so "$pub"/libcoreclrtraceptprovider.so \
        "$pub"/libclrgc.so "$pub"/libclrgcexp.so
  describe_publish "$pub" "$rid"
  make_zip "$pub" "$1/$provided_zip" bootstrap
  echo "  $provided_zip: $(stat -c %s "$1/$provided_zip") bytes, $(unzip -Z1 "$1/$provided_zip" | wc -l) files"
}

build_dotnet10() { # zipdir
  local pub="$work/dotnet10" log="$work/dotnet10.log"
  rm -rf "$pub"; mkdir -p "$work"
  echo "package.sh: dotnet10 managed runtime, framework-dependent (portable) -> $1/$dotnet10_zip"
  if ! dotnet publish "$project" -c Release --self-contained false -p:UseAppHost=false \
      --artifacts-path "$work/build" -o "$pub" --nologo \
      -p:DebugType=none -p:DebugSymbols=false -p:ContinuousIntegrationBuild=true >"$log" 2>&1; then
    cat "$log" >&2
    echo "package.sh: framework-dependent publish failed; full log: $log" >&2
    return 1
  fi
  trim_gate "$log"
  find "$pub" \( -name '*.pdb' -o -name '*.xml' \) -delete
  make_zip "$pub" "$1/$dotnet10_zip"
  echo "  $dotnet10_zip: $(stat -c %s "$1/$dotnet10_zip") bytes, $(unzip -Z1 "$1/$dotnet10_zip" | wc -l) files"
}

build_all() { # zipdir
  mkdir -p "$1"
  [ "$only" = dotnet10 ] || build_provided "$1"
  [ "$only" = provided ] || build_dotnet10 "$1"
}

if [ "$check" = 0 ]; then
  build_all "$out"
  exit 0
fi

# --check-reproducible: two builds from clean intermediate folders, then entry-by-entry comparison.
runs="$root/artifacts/reproducible"
rm -rf "$runs"
for run in 1 2; do
  echo "package.sh: reproducibility build $run of 2"
  rm -rf "$work"/build*
  build_all "$runs/$run"
done
python3 - "$runs/1" "$runs/2" <<'PY'
import hashlib, os, sys, zipfile
a, b = sys.argv[1], sys.argv[2]
ok = True
for name in sorted(os.listdir(a)):
    za, zb = zipfile.ZipFile(os.path.join(a, name)), zipfile.ZipFile(os.path.join(b, name))
    ea = {i.filename: (hashlib.sha256(za.read(i)).hexdigest(), i.date_time, i.external_attr) for i in za.infolist()}
    eb = {i.filename: (hashlib.sha256(zb.read(i)).hexdigest(), i.date_time, i.external_attr) for i in zb.infolist()}
    same_zip = open(os.path.join(a, name), "rb").read() == open(os.path.join(b, name), "rb").read()
    only_a, only_b = sorted(set(ea) - set(eb)), sorted(set(eb) - set(ea))
    differ = sorted(n for n in set(ea) & set(eb) if ea[n] != eb[n])
    print(f"{name}: {len(ea)} entries; file list {'identical' if not only_a and not only_b else 'DIFFERS'}; "
          f"{len(ea) - len(differ) - len(only_a)} entries identical, {len(differ)} differ; zip bytes {'identical' if same_zip else 'differ'}")
    for n in only_a: print(f"  only in build 1: {n}")
    for n in only_b: print(f"  only in build 2: {n}")
    for n in differ: print(f"  differs: {n}")
    ok = ok and same_zip
print("reproducible: " + ("yes" if ok else "NO"))
sys.exit(0 if ok else 1)
PY
