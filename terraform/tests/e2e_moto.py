#!/usr/bin/env python3
"""Checks, through the AWS APIs of a moto_server, what `terraform apply` of examples/complete created.

Usage: e2e_moto.py <endpoint-url> <registrator-package.zip> <sample-function.zip>
Run by scripts/test-terraform.sh after the apply. Prints one line per failed expectation and a count;
exits 1 if any expectation failed. Names and values are the example's (name = "lambda-registrator",
region eu-west-1, sync every 5 minutes, log retention 14 days).
"""
import base64
import hashlib
import json
import sys

import boto3

endpoint, package_zip, sample_zip = sys.argv[1:4]
REGION, ACCOUNT, NAME, SAMPLE = "eu-west-1", "123456789012", "lambda-registrator", "example-echo"
PREFIX = "serverless.consul.hashicorp.com/v1alpha1/lambda/"
FUNCTION_ARN = f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:{NAME}"
EVENTS_RULE_ARN = f"arn:aws:events:{REGION}:{ACCOUNT}:rule/{NAME}-events"
SCHEDULE_RULE_ARN = f"arn:aws:events:{REGION}:{ACCOUNT}:rule/{NAME}-sync"


def client(service):
    return boto3.client(service, endpoint_url=endpoint, region_name=REGION,
                        aws_access_key_id="testing", aws_secret_access_key="testing")


def sha256_b64(path):
    with open(path, "rb") as f:
        return base64.b64encode(hashlib.sha256(f.read()).digest()).decode()


passed, failures = 0, []


def expect(what, actual, expected):
    global passed
    if actual == expected:
        passed += 1
    else:
        failures.append(f"{what}: expected {expected!r}, got {actual!r}")


lam, iam, events, logs, ssm = (client(s) for s in ("lambda", "iam", "events", "logs", "ssm"))

# The registrator function.
fn = lam.get_function(FunctionName=NAME)
cfg = fn["Configuration"]
expect("runtime", cfg["Runtime"], "provided.al2023")
expect("handler", cfg["Handler"], "bootstrap")
expect("architectures", cfg.get("Architectures"), ["x86_64"])
expect("timeout", cfg["Timeout"], 30)
expect("memory size", cfg["MemorySize"], 256)
expect("role", cfg["Role"], f"arn:aws:iam::{ACCOUNT}:role/{NAME}")
expect("code hash (the package deployed)", cfg["CodeSha256"], sha256_b64(package_zip))
expect("environment", cfg["Environment"]["Variables"], {
    "CONSUL_HTTP_ADDR": "http://127.0.0.1:8500",
    "NODE_NAME": "lambdas",
    "ENTERPRISE": "false",
    "LOG_LEVEL": "info",
    "AWS_ACCOUNT_ID": ACCOUNT,
    "CONSUL_HTTP_TOKEN_PATH": f"/{NAME}/consul-http-token",
    "CONSUL_CACERT_PATH": f"/{NAME}/consul-ca-cert",
    "CONSUL_EXTENSION_DATA_PREFIX": f"/{NAME}/extension-data",
})
expect("function tags", fn.get("Tags"), {"example": "lambda-registrator-complete"})

# Its role and inline policy.
role = iam.get_role(RoleName=NAME)["Role"]
trust = role["AssumeRolePolicyDocument"]
trust = json.loads(trust) if isinstance(trust, str) else trust
expect("role trusts Lambda", [s["Principal"] for s in trust["Statement"]], [{"Service": "lambda.amazonaws.com"}])
policy_names = iam.list_role_policies(RoleName=NAME)["PolicyNames"]
expect("inline policies", policy_names, [f"{NAME}-registrator"])
doc = iam.get_role_policy(RoleName=NAME, PolicyName=f"{NAME}-registrator")["PolicyDocument"]
doc = json.loads(doc) if isinstance(doc, str) else doc
statements = {s["Sid"]: s for s in doc["Statement"]}


def as_set(value):
    return set([value] if isinstance(value, str) else value)


expect("policy statements", set(statements), {
    "InventoryFunctions", "ReadFunctions", "WriteOwnLogs", "ReadConsulSecrets", "WriteExtensionData",
    "DecryptConsulSecrets", "EncryptExtensionData"})
expect("read actions", as_set(statements["ReadFunctions"]["Action"]),
       {"lambda:GetFunction", "lambda:ListTags", "lambda:ListAliases"})
expect("secret parameters", as_set(statements["ReadConsulSecrets"]["Resource"]), {
    f"arn:aws:ssm:{REGION}:{ACCOUNT}:parameter/{NAME}/consul-http-token",
    f"arn:aws:ssm:{REGION}:{ACCOUNT}:parameter/{NAME}/consul-ca-cert"})
expect("extension data parameters", as_set(statements["WriteExtensionData"]["Resource"]),
       {f"arn:aws:ssm:{REGION}:{ACCOUNT}:parameter/{NAME}/extension-data/*"})
expect("log resources", as_set(statements["WriteOwnLogs"]["Resource"]),
       {f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:/aws/lambda/{NAME}:*"})

# EventBridge rules and their targets.
rule = events.describe_rule(Name=f"{NAME}-events")
pattern = json.loads(rule["EventPattern"])
expect("events rule state", rule["State"], "ENABLED")
expect("events rule source", pattern["source"], ["aws.lambda"])
expect("events rule detail-type", pattern["detail-type"], ["AWS API Call via CloudTrail"])
expect("events rule eventSource", pattern["detail"]["eventSource"], ["lambda.amazonaws.com"])
expect("events rule eventNames", sorted(pattern["detail"]["eventName"]), sorted([
    "CreateFunction", "CreateFunction20150331", "UpdateFunctionConfiguration",
    "UpdateFunctionConfiguration20150331", "UpdateFunctionConfiguration20150331v2", "DeleteFunction",
    "DeleteFunction20150331", "TagResource", "TagResource20170331", "TagResource20170331v2", "UntagResource",
    "UntagResource20170331", "UntagResource20170331v2", "CreateAlias", "CreateAlias20150331", "UpdateAlias",
    "UpdateAlias20150331", "DeleteAlias", "DeleteAlias20150331"]))
schedule = events.describe_rule(Name=f"{NAME}-sync")
expect("schedule expression", schedule["ScheduleExpression"], "rate(5 minutes)")
expect("schedule state", schedule["State"], "ENABLED")
for rule_name in (f"{NAME}-events", f"{NAME}-sync"):
    targets = events.list_targets_by_rule(Rule=rule_name)["Targets"]
    expect(f"targets of {rule_name}", [t["Arn"] for t in targets], [FUNCTION_ARN])

# Invoke permissions, each limited to its rule.
policy = json.loads(lam.get_policy(FunctionName=NAME)["Policy"])
grants = {s["Sid"]: s for s in policy["Statement"]}
for sid, rule_arn in (("AllowCloudTrailEvents", EVENTS_RULE_ARN), ("AllowScheduledSync", SCHEDULE_RULE_ARN)):
    grant = grants.get(sid, {})
    expect(f"{sid} principal", grant.get("Principal"), {"Service": "events.amazonaws.com"})
    expect(f"{sid} action", grant.get("Action"), "lambda:InvokeFunction")
    expect(f"{sid} source rule", grant.get("Condition", {}).get("ArnLike", {}).get("AWS:SourceArn"), rule_arn)

# Log group.
groups = logs.describe_log_groups(logGroupNamePrefix=f"/aws/lambda/{NAME}")["logGroups"]
expect("log group retention", [(g["logGroupName"], g.get("retentionInDays")) for g in groups],
       [(f"/aws/lambda/{NAME}", 14)])

# Consul credentials in Parameter Store.
token = ssm.get_parameter(Name=f"/{NAME}/consul-http-token", WithDecryption=True)["Parameter"]
expect("token parameter", (token["Type"], token["Value"]), ("SecureString", "e2e-token"))
ca = ssm.get_parameter(Name=f"/{NAME}/consul-ca-cert", WithDecryption=True)["Parameter"]
expect("CA parameter type", ca["Type"], "SecureString")

# The sample function opted in with aliases.
sample = lam.get_function(FunctionName=SAMPLE)
expect("sample code", sample["Configuration"]["CodeSha256"], sha256_b64(sample_zip))
tags = sample.get("Tags", {})
expect("sample enabled tag", tags.get(PREFIX + "enabled"), "true")
expect("sample aliases tag", tags.get(PREFIX + "aliases"), "live+canary")
aliases = lam.list_aliases(FunctionName=SAMPLE)["Aliases"]
expect("sample aliases", sorted(a["Name"] for a in aliases), ["canary", "live"])

for failure in failures:
    print(f"e2e: FAIL {failure}")
print(f"e2e: {passed} expectations met, {len(failures)} failed")
sys.exit(1 if failures else 0)
