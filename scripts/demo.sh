#!/usr/bin/env bash
# LambdaRegistrator in two minutes, on your machine, with no AWS account and no Consul cluster:
#   1. starts moto_server (AWS emulation) on a free loopback port and creates sample Lambda functions with the
#      registrator's tags: enabled, async + payload-passthrough, aliases, disabled, and one with an invalid tag;
#   2. uses the Consul at CONSUL_HTTP_ADDR if you set one, else starts the project's Consul API simulator;
#   3. builds the `lambda-registrator` CLI and runs `plan`, `sync`, then `plan` again (nothing left to do);
#   4. prints the Consul services and service-defaults config entries the sync wrote.
# Everything it starts is stopped on exit, Ctrl-C included.
#
# Usage: ./scripts/demo.sh            (CONSUL_HTTP_ADDR=http://127.0.0.1:8500 ./scripts/demo.sh for a real Consul)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf 'demo.sh: %s\n' "$*" >&2; exit 1; }

# --- What the demo needs --------------------------------------------------------------------------------------------
missing=()
command -v dotnet >/dev/null 2>&1 || missing+=("dotnet: install the .NET SDK 10.0 (https://dotnet.microsoft.com/download)")
command -v python3 >/dev/null 2>&1 || missing+=("python3: needed by moto_server and by this script")
command -v moto_server >/dev/null 2>&1 || missing+=("moto_server: pip install 'moto[server]>=5.1' (emulates Lambda, IAM and the tagging API)")
seeder=""
if command -v python3 >/dev/null 2>&1 && python3 -c 'import boto3' >/dev/null 2>&1; then
  seeder=boto3
elif command -v aws >/dev/null 2>&1; then
  seeder=awscli
else
  missing+=("boto3 or the aws CLI: pip install boto3 (or install AWS CLI v2) to create the sample functions")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "demo.sh: cannot run, missing:" >&2
  for m in "${missing[@]}"; do echo "  - $m" >&2; done
  exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/lambda-registrator-demo.XXXXXX")
pids=()
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'echo; echo "demo.sh: interrupted, cleaning up" >&2; exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# Waits until $2 (a log file) has a line starting with $3, or the process $1 exits, for at most $4 seconds.
wait_for_line() {
  local pid=$1 log=$2 prefix=$3 seconds=$4 i
  for ((i = 0; i < seconds * 10; i++)); do
    if grep -q "^$prefix" "$log" 2>/dev/null; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; return 1; }
    sleep 0.1
  done
  cat "$log" >&2
  return 1
}

# --- Build first: the slowest step, and nothing is running yet if it fails --------------------------------------------
say "Building the lambda-registrator CLI (and the Consul simulator unless CONSUL_HTTP_ADDR is set)"
dotnet build src/LambdaRegistrator.Cli/LambdaRegistrator.Cli.csproj -c Release --nologo -v quiet >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; fail "building the CLI failed (output above)"; }
cli_dll="$root/src/LambdaRegistrator.Cli/bin/Release/net10.0/lambda-registrator.dll"
if [ -z "${CONSUL_HTTP_ADDR:-}" ]; then
  dotnet build tests/LambdaRegistrator.ConsulSimulator/LambdaRegistrator.ConsulSimulator.csproj -c Release --nologo -v quiet >"$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; fail "building the Consul simulator failed (output above)"; }
fi

# --- AWS: moto_server with sample functions ----------------------------------------------------------------------------
moto_port=$(free_port)
say "Starting moto_server on 127.0.0.1:$moto_port"
MOTO_ALLOW_NONEXISTENT_REGION=true moto_server -H 127.0.0.1 -p "$moto_port" >"$work/moto.log" 2>&1 &
pids+=($!)
moto_pid=$!
for ((i = 0; i < 600; i++)); do
  python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$moto_port/moto-api/data.json', timeout=1)" 2>/dev/null && break
  kill -0 "$moto_pid" 2>/dev/null || { cat "$work/moto.log" >&2; fail "moto_server exited; its output is above"; }
  sleep 0.1
done

# Fake credentials and moto's account: only this script and the processes it starts see them.
export AWS_ENDPOINT_URL="http://127.0.0.1:$moto_port" AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_ACCOUNT_ID=123456789012
unset AWS_SESSION_TOKEN AWS_PROFILE
export NODE_NAME="${NODE_NAME:-lambdas}"
# Why: the CLI prints every problem in its report already; its warn-level JSON log lines would repeat them on stderr.
export LOG_LEVEL="${LOG_LEVEL:-error}"

say "Creating sample functions with $seeder"
echo "  orders        enabled, aliases=live (alias 'live' published)"
echo "  payments      enabled, invocation-mode=ASYNCHRONOUS, payload-passthrough=true"
echo "  inventory     enabled (synchronous)"
echo "  legacy-batch  enabled=false: not registered"
echo "  broken        invocation-mode=SOMETIMES: an invalid tag, reported and left alone"
if [ "$seeder" = boto3 ]; then
  python3 - <<'PY'
import io, json, zipfile, boto3
p = "serverless.consul.hashicorp.com/v1alpha1/lambda/"
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    z.writestr("index.py", "def handler(event, context):\n    return event\n")
iam, lam = boto3.client("iam"), boto3.client("lambda")
trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
role = iam.create_role(RoleName="demo-lambda", AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
functions = {
    "orders": {"enabled": "true", "aliases": "live"},
    "payments": {"enabled": "true", "invocation-mode": "ASYNCHRONOUS", "payload-passthrough": "true"},
    "inventory": {"enabled": "true"},
    "legacy-batch": {"enabled": "false"},
    "broken": {"enabled": "true", "invocation-mode": "SOMETIMES"},
}
for name, tags in functions.items():
    lam.create_function(FunctionName=name, Runtime="python3.12", Role=role, Handler="index.handler",
                        Code={"ZipFile": buf.getvalue()}, Tags={p + k: v for k, v in tags.items()})
version = lam.publish_version(FunctionName="orders")["Version"]
lam.create_alias(FunctionName="orders", Name="live", FunctionVersion=version)
PY
else
  python3 -c "import zipfile; z=zipfile.ZipFile('$work/fn.zip','w'); z.writestr('index.py','def handler(e, c):\n    return e\n'); z.close()"
  p="serverless.consul.hashicorp.com/v1alpha1/lambda"
  role=$(aws iam create-role --role-name demo-lambda --query Role.Arn --output text \
    --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}')
  create() {
    aws lambda create-function --function-name "$1" --runtime python3.12 --role "$role" --handler index.handler \
      --zip-file "fileb://$work/fn.zip" --tags "$2" >/dev/null
  }
  create orders "$p/enabled=true,$p/aliases=live"
  create payments "$p/enabled=true,$p/invocation-mode=ASYNCHRONOUS,$p/payload-passthrough=true"
  create inventory "$p/enabled=true"
  create legacy-batch "$p/enabled=false"
  create broken "$p/enabled=true,$p/invocation-mode=SOMETIMES"
  version=$(aws lambda publish-version --function-name orders --query Version --output text)
  aws lambda create-alias --function-name orders --name live --function-version "$version" >/dev/null
fi

# --- Consul: yours, or the simulator -----------------------------------------------------------------------------------
if [ -n "${CONSUL_HTTP_ADDR:-}" ]; then
  say "Using your Consul at $CONSUL_HTTP_ADDR (services go on node '$NODE_NAME')"
else
  consul_port=$(free_port)
  say "Starting the Consul API simulator on 127.0.0.1:$consul_port"
  dotnet tests/LambdaRegistrator.ConsulSimulator/bin/Release/net10.0/LambdaRegistrator.ConsulSimulator.dll --port "$consul_port" >"$work/consul.log" 2>&1 &
  pids+=($!)
  wait_for_line "$!" "$work/consul.log" "listening on" 60 || fail "the Consul simulator did not start; its output is above"
  export CONSUL_HTTP_ADDR="http://127.0.0.1:$consul_port"
fi

cli() { dotnet "$cli_dll" "$@"; }

# --- The registrator ---------------------------------------------------------------------------------------------------
say "lambda-registrator plan    (a dry run: what a sync would do; writes nothing)"
cli plan
say "lambda-registrator sync"
cli sync
say "lambda-registrator plan    (again: nothing left to do)"
cli plan

# --- What is in Consul now ---------------------------------------------------------------------------------------------
# Fetches a Consul API path and keeps the fields that matter here (what the registrator wrote), pretty-printed.
show() {
  python3 - "$1" <<'PY' | if command -v jq >/dev/null 2>&1; then jq .; else python3 -m json.tool; fi
import json, os, ssl, sys, urllib.request
addr = os.environ["CONSUL_HTTP_ADDR"]
if "://" not in addr:
    addr = ("https://" if os.environ.get("CONSUL_HTTP_SSL", "").lower() == "true" else "http://") + addr
request = urllib.request.Request(addr.rstrip("/") + sys.argv[1])
if os.environ.get("CONSUL_HTTP_TOKEN"):
    request.add_header("X-Consul-Token", os.environ["CONSUL_HTTP_TOKEN"])
context = ssl.create_default_context(cafile=os.environ.get("CONSUL_CACERT") or None)
body = json.load(urllib.request.urlopen(request, timeout=10, context=context))
if isinstance(body, dict):  # node-services
    body = [{k: s.get(k) for k in ("Service", "Tags", "Meta")} for s in (body.get("Services") or [])]
else:  # service-defaults entries
    body = [{"Name": e.get("Name"), "Protocol": e.get("Protocol"), "Meta": e.get("Meta"),
             "EnvoyExtensions": [{k: x.get(k) for k in ("Name", "Arguments")} for x in (e.get("EnvoyExtensions") or [])]}
            for e in body]
json.dump(body, sys.stdout)
PY
}
say "Consul services on node '$NODE_NAME'  (GET /v1/catalog/node-services/$NODE_NAME; Service, Tags, Meta)"
show "/v1/catalog/node-services/$NODE_NAME"
say "Consul service-defaults config entries  (GET /v1/config/service-defaults; Name, Protocol, Meta, EnvoyExtensions)"
show "/v1/config/service-defaults"

say "Done. Try: dotnet $cli_dll --help"
