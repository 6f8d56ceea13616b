# EventBridge: the CloudTrail pattern, the schedule, targets and invoke permissions.

mock_provider "aws" {
  # Shared mock data and ARNs: tests/mocks/aws.tfmock.hcl.
  source = "./tests/mocks"
}

variables {
  name             = "lambda-registrator"
  consul_http_addr = "https://consul.example.com:8501"
  package_path     = "tests/fixtures/fake-package.zip"
}

run "cloudtrail_rule_matches_every_handled_lambda_event" {
  command = plan

  assert {
    condition = toset(jsondecode(aws_cloudwatch_event_rule.events.event_pattern).detail.eventName) == toset([
      "CreateFunction", "CreateFunction20150331",
      "UpdateFunctionConfiguration", "UpdateFunctionConfiguration20150331", "UpdateFunctionConfiguration20150331v2",
      "DeleteFunction", "DeleteFunction20150331",
      "TagResource", "TagResource20170331", "TagResource20170331v2",
      "UntagResource", "UntagResource20170331", "UntagResource20170331v2",
      "CreateAlias", "CreateAlias20150331",
      "UpdateAlias", "UpdateAlias20150331",
      "DeleteAlias", "DeleteAlias20150331",
    ])
    error_message = "Unexpected eventName list: ${jsonencode(jsondecode(aws_cloudwatch_event_rule.events.event_pattern).detail.eventName)}"
  }
  assert {
    condition     = length(jsondecode(aws_cloudwatch_event_rule.events.event_pattern).detail.eventName) == 19
    error_message = "The eventName list must not hold duplicates."
  }
  assert {
    condition     = jsondecode(aws_cloudwatch_event_rule.events.event_pattern).source == ["aws.lambda"]
    error_message = "The rule must match source aws.lambda."
  }
  assert {
    condition     = jsondecode(aws_cloudwatch_event_rule.events.event_pattern)["detail-type"] == ["AWS API Call via CloudTrail"]
    error_message = "The rule must match CloudTrail API call events."
  }
  assert {
    condition     = jsondecode(aws_cloudwatch_event_rule.events.event_pattern).detail.eventSource == ["lambda.amazonaws.com"]
    error_message = "The rule must match eventSource lambda.amazonaws.com."
  }
  assert {
    condition     = jsondecode(aws_cloudwatch_event_rule.events.event_pattern).detail.errorCode == [{ exists = false }]
    error_message = "Failed API calls (with errorCode) must not invoke the function."
  }
  assert {
    condition     = aws_cloudwatch_event_rule.events.name == "lambda-registrator-events" && aws_cloudwatch_event_rule.schedule.name == "lambda-registrator-sync"
    error_message = "Rules are named <name>-events and <name>-sync."
  }
}

run "default_schedule_is_every_ten_minutes" {
  command = plan

  assert {
    condition     = aws_cloudwatch_event_rule.schedule.schedule_expression == "rate(10 minutes)"
    error_message = "Default schedule must be rate(10 minutes), got ${aws_cloudwatch_event_rule.schedule.schedule_expression}."
  }
}

run "one_minute_schedule_uses_the_singular_unit" {
  command = plan

  variables {
    sync_frequency_in_minutes = 1
  }

  assert {
    condition     = aws_cloudwatch_event_rule.schedule.schedule_expression == "rate(1 minute)"
    error_message = "EventBridge requires rate(1 minute), got ${aws_cloudwatch_event_rule.schedule.schedule_expression}."
  }
}

run "five_minute_schedule_uses_the_plural_unit" {
  command = plan

  variables {
    sync_frequency_in_minutes = 5
  }

  assert {
    condition     = aws_cloudwatch_event_rule.schedule.schedule_expression == "rate(5 minutes)"
    error_message = "Expected rate(5 minutes), got ${aws_cloudwatch_event_rule.schedule.schedule_expression}."
  }
}

run "both_rules_invoke_the_function_and_may_do_so" {
  command = apply

  # Distinct rule ARNs, so a target or permission wired to the wrong rule fails.
  override_resource {
    target = aws_cloudwatch_event_rule.events
    values = { arn = "arn:aws:events:eu-west-1:123456789012:rule/lambda-registrator-events" }
  }
  override_resource {
    target = aws_cloudwatch_event_rule.schedule
    values = { arn = "arn:aws:events:eu-west-1:123456789012:rule/lambda-registrator-sync" }
  }

  assert {
    condition     = aws_cloudwatch_event_target.events.arn == aws_lambda_function.this.arn && aws_cloudwatch_event_target.schedule.arn == aws_lambda_function.this.arn
    error_message = "Both rules must target the registrator function."
  }
  assert {
    condition     = aws_cloudwatch_event_target.events.rule == aws_cloudwatch_event_rule.events.name && aws_cloudwatch_event_target.schedule.rule == aws_cloudwatch_event_rule.schedule.name
    error_message = "Each target must belong to its rule."
  }
  assert {
    condition     = aws_lambda_permission.events.source_arn == aws_cloudwatch_event_rule.events.arn && aws_lambda_permission.schedule.source_arn == aws_cloudwatch_event_rule.schedule.arn
    error_message = "Each permission must be limited to its rule."
  }
  assert {
    condition = alltrue([for p in [aws_lambda_permission.events, aws_lambda_permission.schedule] :
    p.principal == "events.amazonaws.com" && p.action == "lambda:InvokeFunction" && p.function_name == aws_lambda_function.this.function_name])
    error_message = "EventBridge must be allowed to invoke the function, and nothing else."
  }
  assert {
    condition     = output.function_arn == aws_lambda_function.this.arn && output.events_rule_arn == aws_cloudwatch_event_rule.events.arn && output.schedule_rule_arn == aws_cloudwatch_event_rule.schedule.arn && output.log_group_name == "/aws/lambda/lambda-registrator"
    error_message = "Outputs must expose the function, rules and log group."
  }
}
