#!/usr/bin/env bash
# Checks the Terraform module in terraform/: formatting, init + validate of the module, of
# modules/source-account and of both examples, `terraform test` (mock provider), and end-to-end
# apply/verify/destroy runs of examples/complete (with a gateway, alarms, tracing, a permissions boundary, then a
# brought-along role) and examples/multi-account (two accounts, two regions) against a moto_server on 127.0.0.1.
# Works on copies in a temporary directory, so the repository gets no .terraform directories, lock files or
# state. Prints `terraform: N passed, M failed` last.
#
# Environment: TF_PLUGIN_DIR  a provider mirror holding registry.terraform.io/hashicorp/aws (optional;
#                             /opt/tf-plugins and ~/.terraform.d/plugins are searched too; without one,
#                             `terraform init` downloads the provider).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if ! command -v terraform >/dev/null 2>&1; then
  echo "test-terraform.sh: skipped: 'terraform' is not on PATH (install Terraform >= 1.7 to check the module)."
  exit 0
fi

# A CLI config variable naming a missing file only produces a warning on every command.
if [ -n "${TF_CLI_CONFIG_FILE:-}" ] && [ ! -f "$TF_CLI_CONFIG_FILE" ]; then unset TF_CLI_CONFIG_FILE; fi
export TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1

work=$(mktemp -d "${TMPDIR:-/tmp}/test-terraform.XXXXXX")
moto_pid=""
cleanup() {
  if [ -n "$moto_pid" ]; then kill "$moto_pid" 2>/dev/null; wait "$moto_pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

passed=0 failed=0 skipped=0
# check NAME COMMAND...: runs one check, shows its output only when it fails.
check() {
  local name=$1; shift
  local log="$work/log.$((passed + failed + skipped))"
  if "$@" >"$log" 2>&1; then
    passed=$((passed + 1)); echo "  ok    $name"
  else
    failed=$((failed + 1)); echo "  FAIL  $name"; sed 's/^/        /' "$log"
  fi
}
skip() { skipped=$((skipped + 1)); echo "  skip  $1: $2"; }

plugin_dir=""
for d in "${TF_PLUGIN_DIR:-}" /opt/tf-plugins "$HOME/.terraform.d/plugins"; do
  if [ -n "$d" ] && [ -d "$d/registry.terraform.io/hashicorp/aws" ]; then plugin_dir=$d; break; fi
done
init_args=(-backend=false -input=false -no-color)
if [ -n "$plugin_dir" ]; then
  echo "test-terraform.sh: $(terraform version | head -1), providers from the mirror $plugin_dir"
  init_args+=("-plugin-dir=$plugin_dir")
else
  echo "test-terraform.sh: $(terraform version | head -1), no local provider mirror: terraform init downloads hashicorp/aws"
fi

# Copies without anything a local run may have left behind.
cp -R terraform "$work/terraform"
find "$work/terraform" \( -name .terraform -o -name '.terraform.lock.hcl' -o -name '*.tfstate*' \) -prune -exec rm -rf {} +
module="$work/terraform"
submodule="$work/terraform/modules/source-account"
example="$work/terraform/examples/complete"
multi="$work/terraform/examples/multi-account"

# in DIR DATA_DIR COMMAND...: runs terraform-related COMMAND in DIR with its own TF_DATA_DIR.
in_dir() { local dir=$1 data=$2; shift 2; (cd "$dir" && TF_DATA_DIR="$work/data/$data" "$@"); }

check "terraform fmt -check -recursive terraform" terraform fmt -check -recursive -diff terraform
check "init module" in_dir "$module" module terraform init "${init_args[@]}"
check "validate module" in_dir "$module" module terraform validate -no-color
check "init modules/source-account" in_dir "$submodule" submodule terraform init "${init_args[@]}"
check "validate modules/source-account" in_dir "$submodule" submodule terraform validate -no-color
check "init examples/complete" in_dir "$example" example terraform init "${init_args[@]}"
check "validate examples/complete" in_dir "$example" example terraform validate -no-color
check "init examples/multi-account" in_dir "$multi" multi terraform init "${init_args[@]}"
check "validate examples/multi-account" in_dir "$multi" multi terraform validate -no-color
check "terraform/README.md lists every input and output of the module" python3 "$module/tests/readme_tables.py" "$module"
check "modules/source-account/README.md lists every input and output" python3 "$module/tests/readme_tables.py" "$submodule"
check "examples/complete sample-function.zip is rebuilt from index.py" \
  sh -c "python3 '$example/sample-function/build.py' '$work/sample.zip' && cmp '$work/sample.zip' '$example/sample-function/sample-function.zip'"

test_log="$work/terraform-test.log"
tf_version=$(terraform version -json 2>/dev/null | python3 -c 'import json, sys; print(json.load(sys.stdin)["terraform_version"])' 2>/dev/null || echo 0)
if ! python3 -c 'import sys; v = [int(x) for x in sys.argv[1].split("-")[0].split(".")[:2]]; sys.exit(0 if v >= [1, 7] else 1)' "$tf_version" 2>/dev/null; then
  skip "terraform test" "Terraform $tf_version has no mock providers (they need >= 1.7)"
elif in_dir "$module" module terraform test -no-color >"$test_log" 2>&1; then
  passed=$((passed + 1)); echo "  ok    terraform test: $(grep -E '^(Success|Failure)!' "$test_log")"
else
  failed=$((failed + 1)); echo "  FAIL  terraform test"; grep -v '^  - ' "$test_log" | sed 's/^/        /'
fi

# --- End to end: apply examples/complete against moto_server, verify through the AWS APIs, destroy ---
e2e() {
  if ! command -v moto_server >/dev/null 2>&1; then
    skip "end-to-end apply against moto" "moto_server is not on PATH (pip install 'moto[server]')"; return
  fi
  if ! python3 -c 'import boto3' 2>/dev/null; then
    skip "end-to-end apply against moto" "python3 cannot import boto3 (it comes with pip install 'moto[server]')"; return
  fi
  local port url package
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  url="http://127.0.0.1:$port"
  moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
  moto_pid=$!
  local tries=0
  until curl -fs "$url/moto-api/" >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ $tries -gt 60 ] || ! kill -0 "$moto_pid" 2>/dev/null; then
      failed=$((failed + 1)); echo "  FAIL  moto_server did not answer on $url"; sed 's/^/        /' "$work/moto.log"; return
    fi
    sleep 0.5
  done

  package="$root/artifacts/lambda-registrator-provided.al2023-x86_64.zip"
  if [ -f "$package" ]; then
    echo "  e2e   deploying the real package $package (moto stores it; nothing is invoked)"
  else
    package="$work/dummy-package.zip"
    python3 - "$package" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("bootstrap", "#!/bin/sh\necho 'placeholder: run ./scripts/package.sh for the real package' >&2\nexit 1\n")
PY
    echo "  e2e   artifacts/lambda-registrator-provided.al2023-x86_64.zip not built: deploying a placeholder zip (run ./scripts/package.sh to deploy the real one)"
  fi

  # Why override files and not AWS_ENDPOINT_URL: the skip_* settings that keep the provider off real AWS
  # (credential, account and metadata lookups) have no environment variables. The member providers of
  # examples/multi-account keep their assume_role: moto answers it with credentials of the member account.
  provider_override() { # ALIAS...: one provider block per alias ("" = the default provider)
    local alias
    for alias in "$@"; do
      printf 'provider "aws" {\n'
      [ -n "$alias" ] && printf '  alias                       = "%s"\n' "$alias"
      cat <<TF
  access_key                  = "testing"
  secret_key                  = "testing"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  endpoints {
    cloudwatch = "$url"
    events     = "$url"
    iam        = "$url"
    kms        = "$url"
    lambda     = "$url"
    logs       = "$url"
    sns        = "$url"
    sqs        = "$url"
    ssm        = "$url"
    sts        = "$url"
  }
}
TF
    done
  }
  provider_override "" >"$example/moto_override.tf"
  provider_override "" member member_second_region >"$multi/moto_override.tf"
  local aws_env=(env -u AWS_PROFILE -u AWS_DEFAULT_PROFILE AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null)
  local e2e_py="$module/tests/e2e_moto.py"
  # moto stores neither a function's LoggingConfig nor its KMSKeyArn, so the provider plans to set them again.
  local moto_drift=(module.lambda_registrator.aws_lambda_function.this:logging_config)
  second_plan() { # DIR DATA NAME VARS...: plans again; the plan may change nothing but moto_drift
    local dir=$1 data=$2 name=$3; shift 3
    in_dir "$dir" "$data" "${aws_env[@]}" terraform plan -no-color -out="$work/$name.tfplan" "$@" &&
      in_dir "$dir" "$data" terraform show -json "$work/$name.tfplan" >"$work/$name.plan.json" &&
      python3 "$module/tests/e2e_plan.py" "$work/$name.plan.json" "${moto_drift[@]}"
  }

  # examples/complete with everything on: gateway wiring, alarms and dashboard, tracing, a permissions boundary.
  local vars=(-var region=eu-west-1 -var consul_http_addr=http://127.0.0.1:8500 -var consul_http_token=e2e-token
    -var "consul_ca_cert_pem=-----BEGIN CERTIFICATE-----" -var "package_path=$package"
    -var terminating_gateway=lambda-gateway -var 'export_to=["peer:dc2-peer"]' -var alarms=true -var tracing_mode=Active
    -var role_permissions_boundary=arn:aws:iam::123456789012:policy/e2e-boundary)
  check "e2e: a boundary policy and a role to bring along exist in moto" "${aws_env[@]}" python3 "$e2e_py" setup "$url"
  check "e2e: apply examples/complete on moto" in_dir "$example" example "${aws_env[@]}" terraform apply -auto-approve -no-color "${vars[@]}"
  check "e2e: function, role, boundary, policy, rules, targets with retries and dead-letter queue, failure destination, alarms, dashboard, log group, parameters and sample as configured" \
    "${aws_env[@]}" python3 "$e2e_py" complete "$url" "$package" "$example/sample-function/sample-function.zip"
  check "e2e: a second plan of examples/complete changes nothing moto stores" second_plan "$example" example complete "${vars[@]}"
  check "e2e: apply examples/complete with a brought-along role" in_dir "$example" example "${aws_env[@]}" terraform apply -auto-approve -no-color "${vars[@]}" -var role_arn=arn:aws:iam::123456789012:role/e2e-brought-role
  check "e2e: the function runs as the brought role and the module's role is gone" "${aws_env[@]}" python3 "$e2e_py" byo-role "$url"
  check "e2e: destroy examples/complete" in_dir "$example" example "${aws_env[@]}" terraform destroy -auto-approve -no-color "${vars[@]}" -var role_arn=arn:aws:iam::123456789012:role/e2e-brought-role

  # examples/multi-account: the central account 123456789012 and the member account 111111111111 in two regions.
  local multi_vars=(-var region=eu-west-1 -var member_second_region=us-east-1 -var consul_http_addr=http://127.0.0.1:8500
    -var member_deploy_role_arn=arn:aws:iam::111111111111:role/e2e-deployer -var external_id=e2e-external-id
    -var "package_path=$package")
  check "e2e: apply examples/multi-account on moto" in_dir "$multi" multi "${aws_env[@]}" terraform apply -auto-approve -no-color "${multi_vars[@]}"
  check "e2e: sources, assume-role grant, bus grant, member role trust and policy, forwarding in both regions, member function" \
    "${aws_env[@]}" python3 "$e2e_py" multi-account "$url" "$package"
  check "e2e: a second plan of examples/multi-account changes nothing moto stores" second_plan "$multi" multi multi "${multi_vars[@]}"
  check "e2e: destroy examples/multi-account" in_dir "$multi" multi "${aws_env[@]}" terraform destroy -auto-approve -no-color "${multi_vars[@]}"
}
e2e

summary="terraform: $passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
