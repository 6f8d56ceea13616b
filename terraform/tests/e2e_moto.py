#!/usr/bin/env python3
"""Checks, through the AWS APIs of a moto_server, what `terraform apply` of an example created.

Usage:
  e2e_moto.py setup <endpoint-url>
      creates what the complete example is given: a permissions boundary policy and a role to bring along
  e2e_moto.py complete <endpoint-url> <registrator-package.zip> <sample-function.zip>
      examples/complete with a gateway, alarms, tracing and the boundary (as scripts/test-terraform.sh applies it)
  e2e_moto.py byo-role <endpoint-url>
      examples/complete applied again with role_arn: the function runs as the brought role, the module's is gone
  e2e_moto.py multi-account <endpoint-url> <registrator-package.zip>
      examples/multi-account: the central registrator and the member account 111111111111 in two regions
Run by scripts/test-terraform.sh after each apply. Prints one line per failed expectation and a count; exits 1 if
any expectation failed. Names and values are the examples' (name = "lambda-registrator", region eu-west-1, ...).
"""
import base64
import hashlib
import json
import sys

import boto3

REGION, ACCOUNT, NAME = "eu-west-1", "123456789012", "lambda-registrator"
MEMBER, MEMBER_REGIONS = "111111111111", ("eu-west-1", "us-east-1")
PREFIX = "serverless.consul.hashicorp.com/v1alpha1/lambda/"
FUNCTION_ARN = f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:{NAME}"
EVENTS_RULE_ARN = f"arn:aws:events:{REGION}:{ACCOUNT}:rule/{NAME}-events"
SCHEDULE_RULE_ARN = f"arn:aws:events:{REGION}:{ACCOUNT}:rule/{NAME}-sync"
BUS_ARN = f"arn:aws:events:{REGION}:{ACCOUNT}:event-bus/default"
BOUNDARY_ARN = f"arn:aws:iam::{ACCOUNT}:policy/e2e-boundary"
BYO_ROLE_ARN = f"arn:aws:iam::{ACCOUNT}:role/e2e-brought-role"
MEMBER_DEPLOYER_ARN = f"arn:aws:iam::{MEMBER}:role/e2e-deployer"
FAILURES_ARN = f"arn:aws:sqs:{REGION}:{ACCOUNT}:{NAME}-failures"
DLQ_ARN = f"arn:aws:sqs:{REGION}:{ACCOUNT}:{NAME}-dlq"
CLOUDTRAIL_EVENT_NAMES = sorted([
    "CreateFunction", "CreateFunction20150331", "UpdateFunctionConfiguration",
    "UpdateFunctionConfiguration20150331", "UpdateFunctionConfiguration20150331v2", "DeleteFunction",
    "DeleteFunction20150331", "TagResource", "TagResource20170331", "TagResource20170331v2", "UntagResource",
    "UntagResource20170331", "UntagResource20170331v2", "CreateAlias", "CreateAlias20150331", "UpdateAlias",
    "UpdateAlias20150331", "DeleteAlias", "DeleteAlias20150331"])

endpoint = sys.argv[2] if len(sys.argv) > 2 else ""
passed, failures = 0, []


def client(service, region=REGION, credentials=None):
    keys = credentials or {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
    return boto3.client(service, endpoint_url=endpoint, region_name=region, **keys)


def member_credentials():
    """Temporary credentials in the member account, as Terraform's member providers get them."""
    c = client("sts").assume_role(RoleArn=MEMBER_DEPLOYER_ARN, RoleSessionName="e2e")["Credentials"]
    return {"aws_access_key_id": c["AccessKeyId"], "aws_secret_access_key": c["SecretAccessKey"],
            "aws_session_token": c["SessionToken"]}


def sha256_b64(path):
    with open(path, "rb") as f:
        return base64.b64encode(hashlib.sha256(f.read()).digest()).decode()


def document(value):
    return json.loads(value) if isinstance(value, str) else value


def as_set(value):
    return set([value] if isinstance(value, str) else value)


def expect(what, actual, expected):
    global passed
    if actual == expected:
        passed += 1
    else:
        failures.append(f"{what}: expected {expected!r}, got {actual!r}")


def inline_statements(iam, role, policy):
    doc = document(iam.get_role_policy(RoleName=role, PolicyName=policy)["PolicyDocument"])
    return {s["Sid"]: s for s in doc["Statement"]}


def setup():
    iam = client("iam")
    iam.create_policy(PolicyName="e2e-boundary", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": ["lambda:*", "tag:*", "logs:*", "ssm:*", "kms:*", "sqs:*",
                                                     "xray:*", "sts:AssumeRole"], "Resource": "*"}]}))
    iam.create_role(RoleName="e2e-brought-role", AssumeRolePolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "lambda.amazonaws.com"}}]}))


def check_rules_and_targets(events, lam, dead_letter_arn):
    rule = events.describe_rule(Name=f"{NAME}-events")
    pattern = json.loads(rule["EventPattern"])
    expect("events rule state", rule["State"], "ENABLED")
    expect("events rule source", pattern["source"], ["aws.lambda"])
    expect("events rule detail-type", pattern["detail-type"], ["AWS API Call via CloudTrail"])
    expect("events rule eventSource", pattern["detail"]["eventSource"], ["lambda.amazonaws.com"])
    expect("events rule eventNames", sorted(pattern["detail"]["eventName"]), CLOUDTRAIL_EVENT_NAMES)
    expect("events rule skips failed calls", pattern["detail"]["errorCode"], [{"exists": False}])
    schedule = events.describe_rule(Name=f"{NAME}-sync")
    expect("schedule state", schedule["State"], "ENABLED")
    for rule_name in (f"{NAME}-events", f"{NAME}-sync"):
        targets = events.list_targets_by_rule(Rule=rule_name)["Targets"]
        expect(f"targets of {rule_name}", [t["Arn"] for t in targets], [FUNCTION_ARN])
        expect(f"retry policy of {rule_name}", [t.get("RetryPolicy") for t in targets],
               [{"MaximumRetryAttempts": 185, "MaximumEventAgeInSeconds": 86400}])
        expect(f"dead-letter queue of {rule_name}", [t.get("DeadLetterConfig", {}).get("Arn") for t in targets],
               [dead_letter_arn])
    policy = json.loads(lam.get_policy(FunctionName=NAME)["Policy"])
    grants = {s["Sid"]: s for s in policy["Statement"]}
    for sid, rule_arn in (("AllowCloudTrailEvents", EVENTS_RULE_ARN), ("AllowScheduledSync", SCHEDULE_RULE_ARN)):
        grant = grants.get(sid, {})
        expect(f"{sid} principal", grant.get("Principal"), {"Service": "events.amazonaws.com"})
        expect(f"{sid} action", grant.get("Action"), "lambda:InvokeFunction")
        expect(f"{sid} source rule", grant.get("Condition", {}).get("ArnLike", {}).get("AWS:SourceArn"), rule_arn)
    return pattern


def check_failure_queues(sqs, lam):
    invoke = lam.get_function_event_invoke_config(FunctionName=NAME)
    expect("retries of failed invocations", invoke.get("MaximumRetryAttempts"), 2)
    expect("on-failure destination", invoke.get("DestinationConfig", {}).get("OnFailure", {}).get("Destination"),
           FAILURES_ARN)
    for queue in (f"{NAME}-failures", f"{NAME}-dlq"):
        url = sqs.get_queue_url(QueueName=queue)["QueueUrl"]
        attributes = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
        expect(f"{queue} retention", attributes.get("MessageRetentionPeriod"), "1209600")
        expect(f"{queue} encryption", attributes.get("SqsManagedSseEnabled"), "true")
        if queue.endswith("-dlq"):
            statement = document(attributes.get("Policy", "{}")).get("Statement", [{}])[0]
            expect("dead-letter queue sender", statement.get("Principal"), {"Service": "events.amazonaws.com"})
            expect("dead-letter queue action", statement.get("Action"), "sqs:SendMessage")
            expect("dead-letter queue source rules", as_set(statement.get("Condition", {}).get("ArnEquals", {})
                                                            .get("aws:SourceArn", [])),
                   {EVENTS_RULE_ARN, SCHEDULE_RULE_ARN})


def check_complete(package_zip, sample_zip):
    lam, iam, events, logs, ssm, sqs, sns, cloudwatch = (
        client(s) for s in ("lambda", "iam", "events", "logs", "ssm", "sqs", "sns", "cloudwatch"))

    fn = lam.get_function(FunctionName=NAME)
    cfg = fn["Configuration"]
    expect("runtime", cfg["Runtime"], "provided.al2023")
    expect("handler", cfg["Handler"], "bootstrap")
    expect("architectures", cfg.get("Architectures"), ["x86_64"])
    expect("timeout", cfg["Timeout"], 30)
    expect("memory size", cfg["MemorySize"], 256)
    expect("role", cfg["Role"], f"arn:aws:iam::{ACCOUNT}:role/{NAME}")
    expect("tracing", cfg.get("TracingConfig"), {"Mode": "Active"})
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
        "TERMINATING_GATEWAY": "lambda-gateway",
        "EXPORT_TO": "peer:dc2-peer",
        "CREATE_GATEWAY_ENTRIES": "false",
        "METRICS_ENABLED": "true",
        "METRICS_NAMESPACE": "LambdaRegistrator",
        "POWERTOOLS_SERVICE_NAME": NAME,
        "ADOPT_UNOWNED_SERVICES": "false",
    })
    expect("function tags", fn.get("Tags"), {"example": "lambda-registrator-complete"})

    role = iam.get_role(RoleName=NAME)["Role"]
    trust = document(role["AssumeRolePolicyDocument"])
    expect("role trusts Lambda", [s["Principal"] for s in trust["Statement"]], [{"Service": "lambda.amazonaws.com"}])
    expect("role permissions boundary", role.get("PermissionsBoundary", {}).get("PermissionsBoundaryArn"), BOUNDARY_ARN)
    expect("inline policies", iam.list_role_policies(RoleName=NAME)["PolicyNames"], [f"{NAME}-registrator"])
    statements = inline_statements(iam, NAME, f"{NAME}-registrator")
    expect("policy statements", set(statements), {
        "InventoryFunctions", "ReadFunctions", "WriteOwnLogs", "ReadConsulSecrets", "WriteExtensionData",
        "DecryptConsulSecrets", "EncryptExtensionData", "SendFailedInvocations", "WriteTraces"})
    expect("read actions", as_set(statements["ReadFunctions"]["Action"]),
           {"lambda:GetFunction", "lambda:ListTags", "lambda:ListAliases"})
    expect("secret parameters", as_set(statements["ReadConsulSecrets"]["Resource"]), {
        f"arn:aws:ssm:{REGION}:{ACCOUNT}:parameter/{NAME}/consul-http-token",
        f"arn:aws:ssm:{REGION}:{ACCOUNT}:parameter/{NAME}/consul-ca-cert"})
    expect("extension data parameters", as_set(statements["WriteExtensionData"]["Resource"]),
           {f"arn:aws:ssm:{REGION}:{ACCOUNT}:parameter/{NAME}/extension-data/*"})
    expect("log resources", as_set(statements["WriteOwnLogs"]["Resource"]),
           {f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:/aws/lambda/{NAME}:*"})
    expect("failed invocations", (as_set(statements["SendFailedInvocations"]["Action"]),
                                  as_set(statements["SendFailedInvocations"]["Resource"])),
           ({"sqs:SendMessage"}, {FAILURES_ARN}))
    expect("tracing actions", as_set(statements["WriteTraces"]["Action"]),
           {"xray:PutTraceSegments", "xray:PutTelemetryRecords"})

    pattern = check_rules_and_targets(events, lam, DLQ_ARN)
    expect("events rule without sources has no account filter", "account" in pattern, False)
    expect("schedule expression", events.describe_rule(Name=f"{NAME}-sync")["ScheduleExpression"], "rate(5 minutes)")
    check_failure_queues(sqs, lam)

    groups = logs.describe_log_groups(logGroupNamePrefix=f"/aws/lambda/{NAME}")["logGroups"]
    expect("log group retention", [(g["logGroupName"], g.get("retentionInDays")) for g in groups],
           [(f"/aws/lambda/{NAME}", 14)])

    # Alarms, their topic and the dashboard.
    topic_arn = f"arn:aws:sns:{REGION}:{ACCOUNT}:{NAME}-alarms"
    expect("alarm topic", topic_arn in [t["TopicArn"] for t in sns.list_topics()["Topics"]], True)
    alarms = {a["AlarmName"]: a for a in cloudwatch.describe_alarms(AlarmNamePrefix=NAME)["MetricAlarms"]}
    expect("alarms", set(alarms), {f"{NAME}-{a}" for a in (
        "errors", "throttles", "duration", "actions-failed", "inventory-incomplete", "full-sync-missing",
        "failures-queued", "dead-letters-queued")})
    expect("alarms notify the topic", {n: (a.get("AlarmActions"), a.get("OKActions")) for n, a in alarms.items()},
           {n: ([topic_arn], [topic_arn]) for n in alarms})
    missing = alarms.get(f"{NAME}-full-sync-missing", {})
    expect("full sync alarm", (missing.get("Namespace"), missing.get("MetricName"), missing.get("Dimensions"),
                               missing.get("Statistic"), missing.get("Period"), missing.get("TreatMissingData")),
           ("LambdaRegistrator", "ActionsFailed", [{"Name": "Trigger", "Value": "full-sync"}], "Minimum", 900,
            "breaching"))
    failed = alarms.get(f"{NAME}-actions-failed", {})
    expect("actions failed alarm expression", [q.get("Expression") for q in failed.get("Metrics", []) if q.get("ReturnData")],
           ["FILL(full, 0) + FILL(targeted, 0)"])
    body = json.loads(cloudwatch.get_dashboard(DashboardName=NAME)["DashboardBody"])
    drawn = {m[1] for w in body["widgets"] for m in w["properties"]["metrics"] if m[0] == "LambdaRegistrator"}
    expect("dashboard metrics", len(drawn), 18)

    # Consul credentials in Parameter Store.
    token = ssm.get_parameter(Name=f"/{NAME}/consul-http-token", WithDecryption=True)["Parameter"]
    expect("token parameter", (token["Type"], token["Value"]), ("SecureString", "e2e-token"))
    ca = ssm.get_parameter(Name=f"/{NAME}/consul-ca-cert", WithDecryption=True)["Parameter"]
    expect("CA parameter type", ca["Type"], "SecureString")

    # The sample function opted in with aliases.
    sample = lam.get_function(FunctionName="example-echo")
    expect("sample code", sample["Configuration"]["CodeSha256"], sha256_b64(sample_zip))
    tags = sample.get("Tags", {})
    expect("sample enabled tag", tags.get(PREFIX + "enabled"), "true")
    expect("sample aliases tag", tags.get(PREFIX + "aliases"), "live+canary")
    aliases = lam.list_aliases(FunctionName="example-echo")["Aliases"]
    expect("sample aliases", sorted(a["Name"] for a in aliases), ["canary", "live"])


def check_byo_role():
    lam, iam = client("lambda"), client("iam")
    expect("function runs as the brought role", lam.get_function(FunctionName=NAME)["Configuration"]["Role"], BYO_ROLE_ARN)
    expect("the module's role is gone", NAME in [r["RoleName"] for r in iam.list_roles()["Roles"]], False)
    expect("nothing attached to the brought role", iam.list_role_policies(RoleName="e2e-brought-role")["PolicyNames"], [])
    invoke = lam.get_function_event_invoke_config(FunctionName=NAME)
    expect("failure destination kept", invoke.get("DestinationConfig", {}).get("OnFailure", {}).get("Destination"),
           FAILURES_ARN)


def check_multi_account(package_zip):
    lam, iam, events, sqs = (client(s) for s in ("lambda", "iam", "events", "sqs"))
    central_role_arn = f"arn:aws:iam::{ACCOUNT}:role/{NAME}"
    member_role_arn = f"arn:aws:iam::{MEMBER}:role/lambda-registrator-source"

    cfg = lam.get_function(FunctionName=NAME)["Configuration"]
    expect("code hash (the package deployed)", cfg["CodeSha256"], sha256_b64(package_zip))
    expect("SOURCES", cfg["Environment"]["Variables"].get("SOURCES"), json.dumps([
        {"regions": [REGION]},
        {"external_id": "e2e-external-id", "regions": list(MEMBER_REGIONS), "role_arn": member_role_arn},
    ], separators=(",", ":")))
    statements = inline_statements(iam, NAME, f"{NAME}-registrator")
    expect("assume exactly the member role", (as_set(statements["AssumeSourceRoles"]["Action"]),
                                               as_set(statements["AssumeSourceRoles"]["Resource"])),
           ({"sts:AssumeRole"}, {member_role_arn}))
    expect("own functions readable in the own region", as_set(statements["ReadFunctions"]["Resource"]),
           {f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:*"})
    pattern = check_rules_and_targets(events, lam, DLQ_ARN)
    expect("events rule accepts the central and member accounts", sorted(pattern.get("account", [])),
           sorted([ACCOUNT, MEMBER]))
    check_failure_queues(sqs, lam)
    bus = document(events.describe_event_bus(Name="default").get("Policy", "{}"))
    grants = {s.get("Sid"): s for s in bus.get("Statement", [])}
    grant = grants.get(f"{NAME}-{MEMBER}", {})
    expect("member may put events on the bus", (grant.get("Effect"), grant.get("Action"), grant.get("Resource")),
           ("Allow", "events:PutEvents", BUS_ARN))
    expect("bus grant principal", grant.get("Principal"), {"AWS": f"arn:aws:iam::{MEMBER}:root"})

    # The member account, with the credentials Terraform's member providers used.
    member = member_credentials()
    member_iam = client("iam", credentials=member)
    role = member_iam.get_role(RoleName="lambda-registrator-source")["Role"]
    expect("member role ARN", role["Arn"], member_role_arn)
    trust = document(role["AssumeRolePolicyDocument"])["Statement"]
    expect("member role trusts exactly the registrator",
           [(s["Principal"], s["Action"], s.get("Condition")) for s in trust],
           [({"AWS": central_role_arn}, "sts:AssumeRole", {"StringEquals": {"sts:ExternalId": "e2e-external-id"}})])
    read = inline_statements(member_iam, "lambda-registrator-source", "lambda-registrator-source-read-functions")
    expect("member role reads only functions", set().union(*(as_set(s["Action"]) for s in read.values())),
           {"lambda:ListFunctions", "tag:GetResources", "lambda:GetFunction", "lambda:ListTags", "lambda:ListAliases"})
    expect("member role reads both regions", as_set(read["ReadFunctions"]["Resource"]),
           {f"arn:aws:lambda:{r}:{MEMBER}:function:*" for r in MEMBER_REGIONS})
    for region in MEMBER_REGIONS:
        member_events = client("events", region=region, credentials=member)
        rule = member_events.describe_rule(Name="lambda-registrator-source-forward")
        expect(f"{region} forwards the registrator's events",
               sorted(json.loads(rule["EventPattern"])["detail"]["eventName"]), CLOUDTRAIL_EVENT_NAMES)
        forward_role = f"arn:aws:iam::{MEMBER}:role/lambda-registrator-source-forward-{region}"
        targets = member_events.list_targets_by_rule(Rule="lambda-registrator-source-forward")["Targets"]
        expect(f"{region} forwards to the central bus", [(t["Arn"], t.get("RoleArn")) for t in targets],
               [(BUS_ARN, forward_role)])
        put = inline_statements(member_iam, f"lambda-registrator-source-forward-{region}", "lambda-registrator-source-put-events")
        expect(f"{region} forwarding role may only put on the central bus",
               (as_set(put["PutEventsOnTheCentralBus"]["Action"]), as_set(put["PutEventsOnTheCentralBus"]["Resource"])),
               ({"events:PutEvents"}, {BUS_ARN}))
    sample = client("lambda", credentials=member).get_function(FunctionName="member-echo")
    expect("member sample function lives in the member account", sample["Configuration"]["FunctionArn"],
           f"arn:aws:lambda:{REGION}:{MEMBER}:function:member-echo")
    expect("member sample function is opted in", sample.get("Tags", {}).get(PREFIX + "enabled"), "true")


mode = sys.argv[1] if len(sys.argv) > 1 else ""
if mode == "setup":
    setup()
    sys.exit(0)
elif mode == "complete":
    check_complete(sys.argv[3], sys.argv[4])
elif mode == "byo-role":
    check_byo_role()
elif mode == "multi-account":
    check_multi_account(sys.argv[3])
else:
    print(__doc__, file=sys.stderr)
    sys.exit(2)

for failure in failures:
    print(f"e2e: FAIL {failure}")
print(f"e2e: {passed} expectations met, {len(failures)} failed")
sys.exit(1 if failures else 0)
