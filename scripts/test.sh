#!/usr/bin/env bash
# Runs every test of LambdaRegistrator: the .NET solution (unit, integration against moto_server and the
# Consul simulator or a real Consul, end-to-end of the packaged function) and the Terraform module checks.
# Usage: ./scripts/test.sh [extra `dotnet test` arguments, e.g. --filter FullyQualifiedName~Core]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

missing=()
command -v dotnet >/dev/null 2>&1 || missing+=("dotnet: install the .NET SDK 10.0 (https://dotnet.microsoft.com/download)")
command -v moto_server >/dev/null 2>&1 || missing+=("moto_server: pip install 'moto[server]>=5.1' (the AWS integration tests run against it)")
command -v python3 >/dev/null 2>&1 || missing+=("python3: needed by moto_server")
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: cannot run, missing:" >&2
  for m in "${missing[@]}"; do echo "  - $m" >&2; done
  exit 2
fi
if command -v consul >/dev/null 2>&1; then
  echo "test.sh: 'consul' found on PATH: Consul integration and conformance tests run against a real 'consul agent -dev' as well as the simulator."
else
  echo "test.sh: no 'consul' on PATH: Consul tests run against the project's Consul API simulator only."
fi

results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"
dotnet build LambdaRegistrator.sln -c Release --nologo -v quiet
status=0
dotnet test LambdaRegistrator.sln -c Release --no-build --nologo \
  --logger "trx" --results-directory "$results" "$@" || status=$?

# One closing line over every test assembly (the per-assembly lines are above).
python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    if c is None: continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    # Skipped tests are in total but not in executed (xunit's trx leaves notExecuted at 0).
    skipped += int(c.get("total", 0)) - int(c.get("executed", 0))
print(f"dotnet: {passed} passed, {failed} failed, {skipped} skipped")
PY

if [ -x scripts/test-terraform.sh ]; then
  scripts/test-terraform.sh || status=$?
fi
exit $status
