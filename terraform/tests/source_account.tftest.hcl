# modules/source-account, applied in a member account (111111111111 here, eu-west-1 as everywhere in these tests):
# the read-only role the registrator assumes and the rule forwarding Lambda CloudTrail events to the central bus.

mock_provider "aws" {
  # Shared mock data and ARNs: tests/mocks/aws.tfmock.hcl; the member account is set below.
  source = "./tests/mocks"
  mock_data "aws_caller_identity" {
    defaults = { account_id = "111111111111" }
  }
}

variables {
  registrator_role_arn  = "arn:aws:iam::123456789012:role/lambda-registrator"
  central_event_bus_arn = "arn:aws:events:eu-west-1:123456789012:event-bus/default"
}

run "the_role_trusts_only_the_registrator_and_reads_only_functions" {
  command = plan

  module {
    source = "./modules/source-account"
  }

  variables {
    external_id = "shared-secret-1"
  }

  assert {
    condition     = aws_iam_role.source[0].name == "lambda-registrator-source" && output.role_arn == "arn:aws:iam::111111111111:role/lambda-registrator-source"
    error_message = "The role is named after name; its ARN is an output known at plan time, got ${output.role_arn}."
  }
  assert {
    condition = alltrue([
      one(data.aws_iam_policy_document.trust.statement).actions == toset(["sts:AssumeRole"]),
      one(one(data.aws_iam_policy_document.trust.statement).principals).type == "AWS",
      one(one(data.aws_iam_policy_document.trust.statement).principals).identifiers == toset(["arn:aws:iam::123456789012:role/lambda-registrator"]),
    ])
    error_message = "Only the registrator's role may assume the source role."
  }
  assert {
    condition = alltrue([
      one(one(data.aws_iam_policy_document.trust.statement).condition).test == "StringEquals",
      one(one(data.aws_iam_policy_document.trust.statement).condition).variable == "sts:ExternalId",
      one(one(data.aws_iam_policy_document.trust.statement).condition).values == tolist(["shared-secret-1"]),
    ])
    error_message = "The external id must be required when given."
  }
  assert {
    condition     = toset(flatten([for s in data.aws_iam_policy_document.read.statement : tolist(s.actions)])) == toset(["lambda:ListFunctions", "tag:GetResources", "lambda:GetFunction", "lambda:ListTags", "lambda:ListAliases"])
    error_message = "The role may read functions, their tags and aliases, and nothing else."
  }
  assert {
    condition     = one([for s in data.aws_iam_policy_document.read.statement : s if s.sid == "ReadFunctions"]).resources == toset(["arn:aws:lambda:*:111111111111:function:*"])
    error_message = "Without regions the role reads this account's functions in every region, and no other account's."
  }
  assert {
    condition     = aws_iam_role_policy.source[0].role == "lambda-registrator-source"
    error_message = "The read policy must be on the source role."
  }
  assert {
    condition     = output.source == { role_arn = "arn:aws:iam::111111111111:role/lambda-registrator-source", regions = ["eu-west-1"], external_id = "shared-secret-1" }
    error_message = "The source output must be this account's entry of the registrator's sources."
  }
}

run "without_an_external_id_the_trust_has_no_condition" {
  command = plan

  module {
    source = "./modules/source-account"
  }

  assert {
    condition     = length(one(data.aws_iam_policy_document.trust.statement).condition) == 0
    error_message = "No external id, no condition."
  }
}

run "regions_limit_what_the_role_reads" {
  command = plan

  module {
    source = "./modules/source-account"
  }

  variables {
    regions   = ["eu-west-1", "us-east-1"]
    role_path = "/platform/"
    name      = "registrator-reader"
  }

  assert {
    condition     = one([for s in data.aws_iam_policy_document.read.statement : s if s.sid == "ReadFunctions"]).resources == toset(["arn:aws:lambda:eu-west-1:111111111111:function:*", "arn:aws:lambda:us-east-1:111111111111:function:*"])
    error_message = "regions must limit the functions the role reads."
  }
  assert {
    condition     = output.role_arn == "arn:aws:iam::111111111111:role/platform/registrator-reader" && aws_iam_role.source[0].path == "/platform/"
    error_message = "The role ARN must carry the path."
  }
}

run "events_are_forwarded_to_the_central_bus_as_the_registrator_matches_them" {
  command = apply

  module {
    source = "./modules/source-account"
  }

  override_resource {
    target = aws_iam_role.forward
    values = { arn = "arn:aws:iam::111111111111:role/lambda-registrator-source-forward-eu-west-1" }
  }

  assert {
    condition     = jsondecode(aws_cloudwatch_event_rule.forward[0].event_pattern) == jsondecode(file("cloudtrail-lambda-events.json"))
    error_message = "The member must forward exactly the events the registrator's own rule matches."
  }
  assert {
    condition     = aws_cloudwatch_event_rule.forward[0].name == "lambda-registrator-source-forward"
    error_message = "The rule is <name>-forward."
  }
  assert {
    condition     = aws_cloudwatch_event_target.forward[0].arn == "arn:aws:events:eu-west-1:123456789012:event-bus/default" && aws_cloudwatch_event_target.forward[0].role_arn == "arn:aws:iam::111111111111:role/lambda-registrator-source-forward-eu-west-1"
    error_message = "The target is the central bus, put to with the forwarding role."
  }
  assert {
    condition     = aws_cloudwatch_event_target.forward[0].retry_policy[0].maximum_retry_attempts == 185 && length(aws_cloudwatch_event_target.forward[0].dead_letter_config) == 0
    error_message = "Forwarding retries by default and has no dead-letter queue unless given."
  }
  assert {
    condition     = aws_iam_role.forward[0].name == "lambda-registrator-source-forward-eu-west-1"
    error_message = "The forwarding role is per region (IAM is global, the rule is not)."
  }
  assert {
    condition = alltrue([
      one(data.aws_iam_policy_document.forward[0].statement).actions == toset(["events:PutEvents"]),
      one(data.aws_iam_policy_document.forward[0].statement).resources == toset(["arn:aws:events:eu-west-1:123456789012:event-bus/default"]),
      one(one(data.aws_iam_policy_document.forward_trust.statement).principals).identifiers == toset(["events.amazonaws.com"]),
    ])
    error_message = "EventBridge may only put events on the central bus with the forwarding role."
  }
}

run "a_further_region_only_forwards" {
  command = plan

  module {
    source = "./modules/source-account"
  }

  variables {
    create_role           = false
    dead_letter_queue_arn = "arn:aws:sqs:eu-west-1:111111111111:forward-dlq"
  }

  assert {
    condition     = length(aws_iam_role.source) == 0 && length(aws_iam_role_policy.source) == 0
    error_message = "create_role = false creates no source role (another region of the account made it)."
  }
  assert {
    condition     = output.role_arn == "arn:aws:iam::111111111111:role/lambda-registrator-source"
    error_message = "The role ARN output still names the account's source role."
  }
  assert {
    condition     = aws_cloudwatch_event_target.forward[0].dead_letter_config[0].arn == "arn:aws:sqs:eu-west-1:111111111111:forward-dlq"
    error_message = "A given dead-letter queue keeps events that could not be forwarded."
  }
}

run "forwarding_can_be_turned_off" {
  command = plan

  module {
    source = "./modules/source-account"
  }

  variables {
    forward_events        = false
    central_event_bus_arn = null
  }

  assert {
    condition     = length(aws_cloudwatch_event_rule.forward) + length(aws_cloudwatch_event_target.forward) + length(aws_iam_role.forward) == 0
    error_message = "forward_events = false creates no rule, target or forwarding role."
  }
}

run "forwarding_without_a_bus_is_rejected" {
  command = plan

  module {
    source = "./modules/source-account"
  }

  variables {
    central_event_bus_arn = null
  }

  expect_failures = [aws_cloudwatch_event_rule.forward]
}

run "forwarding_to_the_own_bus_of_the_region_is_rejected" {
  command = plan

  module {
    source = "./modules/source-account"
  }

  variables {
    central_event_bus_arn = "arn:aws:events:eu-west-1:111111111111:event-bus/default"
  }

  expect_failures = [aws_cloudwatch_event_rule.forward]
}

run "member_inputs_reject_malformed_values" {
  command = plan

  module {
    source = "./modules/source-account"
  }

  variables {
    name                  = "a name with spaces"
    registrator_role_arn  = "arn:aws:iam::123456789012:user/registrator"
    external_id           = "x"
    regions               = ["Ireland"]
    central_event_bus_arn = "arn:aws:sqs:eu-west-1:123456789012:queue"
    dead_letter_queue_arn = "arn:aws:sns:eu-west-1:111111111111:topic"
  }

  expect_failures = [
    var.name,
    var.registrator_role_arn,
    var.external_id,
    var.regions,
    var.central_event_bus_arn,
    var.dead_letter_queue_arn,
  ]
}
