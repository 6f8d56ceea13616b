#!/usr/bin/env bash
# Builds the deployable zips of the LambdaRegistrator function into artifacts/:
#   lambda-registrator-provided.al2023-<arch>.zip  custom runtime (provided.al2023): `bootstrap` at the zip root.
#                                                  Default: Native AOT, one self-contained native executable (no
#                                                  .NET runtime, no JIT). --compile r2r: self-contained, trimmed,
#                                                  ReadyToRun composite (framework and app precompiled together).
#                                                  Both fail on any IL2xxx/IL3xxx (trim/AOT analysis) warning.
#   lambda-registrator-dotnet10.zip                managed runtime (dotnet10): framework-dependent, handler
#                                                  LambdaRegistrator.Function::LambdaRegistrator.Function.FunctionHandler::HandleAsync
# Zips are reproducible: sorted entries, no extra attributes, every timestamp = SOURCE_DATE_EPOCH
# (default: the last commit's time), deterministic compilation with mapped source paths.
#
# Usage: scripts/package.sh [--arch x86_64|arm64] [--compile aot|r2r] [--only provided|dotnet10]
#                           [--check-reproducible] [--install-deps] [--msbuild-arg -p:Name=Value]... [--out DIR]
#   --arch                 instruction set of the provided.al2023 package (default x86_64 = linux-x64)
#   --compile              aot (default): Native AOT; r2r: ReadyToRun composite on the bundled .NET runtime
#   --only                 build one package
#   --check-reproducible   build everything twice from clean and compare file lists and checksums
#   --install-deps         install the native toolchain Native AOT needs with apt-get (Debian/Ubuntu, as root)
#                          instead of only saying what is missing
#   --msbuild-arg          extra argument for the provided.al2023 publish (repeatable; used by bench/ColdStart)
#   --out DIR              where the zips go (default artifacts/)
# Native AOT links with the platform toolchain: x86_64 needs clang or gcc (and binutils); arm64 is cross-linked on an
# x86_64 machine with clang + lld against Debian's arm64 multiarch libc (libc6-dev:arm64, libgcc-12-dev:arm64).
# zlib and brotli come as static libraries in the .NET runtime pack, so no zlib headers are needed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
project=src/LambdaRegistrator.Function/LambdaRegistrator.Function.csproj

arch=x86_64 compile=aot only="" check=0 install=0 out="$root/artifacts" extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --arch) arch=${2:?--arch needs x86_64 or arm64}; shift 2 ;;
    --only) only=${2:?--only needs provided or dotnet10}; shift 2 ;;
    --compile) compile=${2:?--compile needs aot or r2r}; shift 2 ;;
    --install-deps) install=1; shift ;;
    --check-reproducible) check=1; shift ;;
    --msbuild-arg) extra+=("${2:?--msbuild-arg needs a value}"); shift 2 ;;
    --out) out=$(mkdir -p "$2" && cd "$2" && pwd); shift 2 ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "package.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
case "$arch" in
  x86_64) rid=linux-x64 ;;
  arm64) rid=linux-arm64 ;;
  *) echo "package.sh: --arch must be x86_64 or arm64, not '$arch'" >&2; exit 2 ;;
esac
case "$compile" in aot|r2r) ;; *) echo "package.sh: --compile must be aot or r2r, not '$compile'" >&2; exit 2 ;; esac
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

# Checks what the Native AOT link needs before a long publish; with --install-deps installs it from Debian's packages.
# Prints every missing piece with the command that installs it.
native_toolchain() {
  local host missing=() pkgs=() multiarch=0
  host=$(uname -m)
  [ "$host" = aarch64 ] && host=arm64
  if [ "$host" = "$arch" ]; then
    if ! command -v clang >/dev/null 2>&1 && ! command -v gcc >/dev/null 2>&1; then
      missing+=("a C compiler driver to link the native executable: clang or gcc"); pkgs+=(clang)
    fi
    if ! command -v objcopy >/dev/null 2>&1 && ! command -v llvm-objcopy >/dev/null 2>&1; then
      missing+=("objcopy, to split the debug symbols off the executable"); pkgs+=(binutils)
    fi
    if ! compgen -G "/usr/lib/*-linux-gnu/crt1.o" >/dev/null && [ ! -e /usr/lib64/crt1.o ]; then
      missing+=("the C library's development files (crt1.o, libc.so)"); pkgs+=(libc6-dev)
    fi
  elif [ "$host" = x86_64 ] && [ "$arch" = arm64 ]; then
    # Why clang + lld: one clang drives any target (--target=aarch64-linux-gnu, set by the ILCompiler targets) and lld
    # links any ELF; Debian's gcc and ld.bfd are x86_64-only. Debian's multiarch arm64 packages put the arm64 libc in
    # /usr/lib/aarch64-linux-gnu and libgcc in /usr/lib/gcc/aarch64-linux-gnu, where clang looks for that triple.
    command -v clang >/dev/null 2>&1 || { missing+=("clang (cross-compiler driver for aarch64-linux-gnu)"); pkgs+=(clang); }
    command -v ld.lld >/dev/null 2>&1 || { missing+=("ld.lld (links arm64 ELF on this x86_64 machine)"); pkgs+=(lld); }
    command -v "$(cross_objcopy)" >/dev/null 2>&1 || { missing+=("llvm-objcopy (splits arm64 debug symbols)"); pkgs+=(llvm); }
    if [ ! -e /usr/lib/aarch64-linux-gnu/crt1.o ]; then
      missing+=("the arm64 C library's development files (/usr/lib/aarch64-linux-gnu/crt1.o)"); pkgs+=(libc6-dev:arm64); multiarch=1
    fi
    if ! compgen -G "/usr/lib/gcc/aarch64-linux-gnu/*/crtbeginS.o" >/dev/null; then
      missing+=("arm64 libgcc (/usr/lib/gcc/aarch64-linux-gnu/<version>/crtbeginS.o)"); pkgs+=(libgcc-12-dev:arm64); multiarch=1
    fi
  else
    echo "package.sh: Native AOT cross-linking from $host to $arch is not set up; build with --compile r2r or on an $arch machine." >&2
    return 2
  fi
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$install" = 1 ] && command -v apt-get >/dev/null 2>&1; then
    echo "package.sh: installing the Native AOT toolchain: ${pkgs[*]}"
    [ "$multiarch" = 0 ] || dpkg --add-architecture arm64
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null
    install=0; native_toolchain; return
  fi
  echo "package.sh: Native AOT for $arch cannot link on this machine; missing:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  echo "Install them (Debian/Ubuntu, as root):" >&2
  [ "$multiarch" = 0 ] || echo "  dpkg --add-architecture arm64 && apt-get update" >&2
  echo "  apt-get install ${pkgs[*]}" >&2
  echo "or run scripts/package.sh --install-deps, or build the ReadyToRun package instead: --compile r2r" >&2
  return 2
}

# The objcopy that understands arm64 ELF: llvm-objcopy (unversioned from Debian's llvm package, or clang's version).
cross_objcopy() {
  if command -v llvm-objcopy >/dev/null 2>&1; then echo llvm-objcopy; return; fi
  local v; v=$(clang -dumpversion 2>/dev/null | cut -d. -f1)
  echo "llvm-objcopy-${v:-none}"
}

# Native AOT: ILCompiler compiles the app and the part of the framework it reaches into one native executable; no
# .NET runtime, JIT or assembly loading at start. Trimming is implied (the same IL2xxx analysis as PublishTrimmed)
# plus the IL3xxx AOT analysis.
build_aot() { # zipdir
  local has_file=""; command -v file >/dev/null 2>&1 && has_file=1
  local pub="$work/provided-$arch-$compile" log="$work/provided-$arch-$compile.log" build="$work/build-$compile" native=()
  [ ${#extra[@]} -eq 0 ] || build="$work/build-$compile-$(printf '%s\n' "${extra[@]}" | sha256sum | cut -c1-12)"
  native_toolchain || return
  if [ "$arch" = arm64 ] && [ "$(uname -m)" = x86_64 ]; then
    native=(-p:CppCompilerAndLinker=clang -p:LinkerFlavor=lld "-p:ObjCopyName=$(cross_objcopy)")
  fi
  rm -rf "$pub"; mkdir -p "$work"
  echo "package.sh: provided.al2023 ($rid), Native AOT -> $1/$provided_zip"
  # Why these settings (measured: bench/RESULTS.md, "Native AOT"):
  # - InvariantGlobalization (Directory.Build.props): no ICU; the registrator only compares ordinal strings.
  # - OptimizationPreference left at ILCompiler's default (blended): measured side by side with Speed and Size
  #   (bench/ColdStart/run.sh --variants), it had the lowest CPU to the first /next and to the end of a 20-function
  #   sync in both rounds, Speed the highest CPU and the largest zip, Size the smallest zip (-2%) at slightly more CPU.
  # - StripSymbols: the executable carries no DWARF; NativeAOT's own stack-trace data stays, so exception logs keep
  #   method names. The split-off .dbg file is not packaged.
  # - UseSystemResourceKeys stays off: framework exception messages are what a user reads in an error.
  if ! dotnet publish "$project" -c Release -r "$rid" \
      --artifacts-path "$build" -o "$pub" --nologo \
      -p:PublishAot=true -p:StripSymbols=true \
      -p:TrimmerSingleWarn=false -p:TreatWarningsAsErrors=true -p:ILLinkTreatWarningsAsErrors=true \
      -p:IlcTreatWarningsAsErrors=true -p:ContinuousIntegrationBuild=true \
      "${native[@]}" "${extra[@]}" >"$log" 2>&1; then
    cat "$log" >&2
    if grep -q "NU1101.*ILCompiler\|NU1101.*NativeAOT\|NU1101.*Runtime.$rid" "$log"; then
      echo "package.sh: the Native AOT packs for $rid (runtime.$rid.Microsoft.DotNet.ILCompiler, Microsoft.NETCore.App.Runtime.NativeAOT.$rid) are not on the NuGet feed this machine uses; add them to your feed or build --compile r2r." >&2
    fi
    echo "package.sh: Native AOT publish for $rid failed; full log: $log" >&2
    return 1
  fi
  trim_gate "$log"
  # Why: provided.al2023 runs an executable named `bootstrap` at the zip root.
  mv "$pub/LambdaRegistrator.Function" "$pub/bootstrap"
  find "$pub" \( -name '*.pdb' -o -name '*.dbg' -o -name '*.xml' \) -delete
  echo "  native executable: $(stat -c %s "$pub/bootstrap") bytes${has_file:+; $(file -b "$pub/bootstrap" | cut -d, -f1-2)}"
  make_zip "$pub" "$1/$provided_zip" bootstrap
  echo "  $provided_zip: $(stat -c %s "$1/$provided_zip") bytes, $(unzip -Z1 "$1/$provided_zip" | wc -l) files"
}

build_r2r() { # zipdir
  local pub="$work/provided-$arch-$compile" log="$work/provided-$arch-$compile.log" build="$work/build-$compile"
  # Why: intermediate files of a build with other --msbuild-arg settings (e.g. composite off) must not be reused: an
  # incremental publish would copy framework assemblies compiled for a composite image that is not there.
  [ ${#extra[@]} -eq 0 ] || build="$work/build-$compile-$(printf '%s\n' "${extra[@]}" | sha256sum | cut -c1-12)"
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
  if [ "$only" != dotnet10 ]; then
    if [ "$compile" = aot ]; then build_aot "$1"; else build_r2r "$1"; fi
  fi
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
