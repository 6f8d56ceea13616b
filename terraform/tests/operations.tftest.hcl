# Operations: failed invocations and undelivered events are kept, the alarms watch the metric contract of the
# README, and the dashboard draws every metric the function writes.

mock_provider "aws" {
  # Shared mock data and ARNs: tests/mocks/aws.tfmock.hcl.
  source = "./tests/mocks"
}

variables {
  name             = "lambda-registrator"
  consul_http_addr = "https://consul.example.com:8501"
  package_path     = "tests/fixtures/fake-package.zip"
}

# --- Failures are kept ---------------------------------------------------------------------------------------

run "failed_invocations_and_undelivered_events_land_in_queues_the_module_creates" {
  command = apply

  # Distinct ARNs, so a queue or rule wired in the wrong place fails.
  override_resource {
    target = aws_sqs_queue.failures
    values = { arn = "arn:aws:sqs:eu-west-1:123456789012:lambda-registrator-failures" }
  }
  override_resource {
    target = aws_sqs_queue.dead_letters
    values = { arn = "arn:aws:sqs:eu-west-1:123456789012:lambda-registrator-dlq", id = "https://sqs.eu-west-1.amazonaws.com/123456789012/lambda-registrator-dlq" }
  }
  override_resource {
    target = aws_cloudwatch_event_rule.events
    values = { arn = "arn:aws:events:eu-west-1:123456789012:rule/lambda-registrator-events" }
  }
  override_resource {
    target = aws_cloudwatch_event_rule.schedule
    values = { arn = "arn:aws:events:eu-west-1:123456789012:rule/lambda-registrator-sync" }
  }

  assert {
    condition     = aws_sqs_queue.failures[0].name == "lambda-registrator-failures" && aws_sqs_queue.dead_letters[0].name == "lambda-registrator-dlq"
    error_message = "The queues are named <name>-failures and <name>-dlq."
  }
  assert {
    condition = alltrue([for q in [aws_sqs_queue.failures[0], aws_sqs_queue.dead_letters[0]] :
    q.message_retention_seconds == 1209600 && q.sqs_managed_sse_enabled])
    error_message = "Failed events must be kept 14 days (the SQS maximum), encrypted."
  }
  assert {
    condition     = aws_lambda_function_event_invoke_config.this.destination_config[0].on_failure[0].destination == "arn:aws:sqs:eu-west-1:123456789012:lambda-registrator-failures"
    error_message = "Invocations Lambda gives up on must go to the failures queue."
  }
  assert {
    condition     = aws_lambda_function_event_invoke_config.this.maximum_retry_attempts == 2 && aws_lambda_function_event_invoke_config.this.function_name == "lambda-registrator"
    error_message = "Lambda must retry a failed invocation twice (its default, now explicit) for this function."
  }
  assert {
    condition     = one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "SendFailedInvocations"]).actions == toset(["sqs:SendMessage"]) && one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "SendFailedInvocations"]).resources == toset(["arn:aws:sqs:eu-west-1:123456789012:lambda-registrator-failures"])
    error_message = "The function's role must be allowed to send to exactly the failures queue (Lambda uses it for destinations)."
  }
  assert {
    condition = alltrue([for t in [aws_cloudwatch_event_target.events, aws_cloudwatch_event_target.schedule] :
    t.dead_letter_config[0].arn == "arn:aws:sqs:eu-west-1:123456789012:lambda-registrator-dlq"])
    error_message = "Both EventBridge targets must keep undelivered events in the dead-letter queue."
  }
  assert {
    condition = alltrue([for t in [aws_cloudwatch_event_target.events, aws_cloudwatch_event_target.schedule] :
    t.retry_policy[0].maximum_retry_attempts == 185 && t.retry_policy[0].maximum_event_age_in_seconds == 86400])
    error_message = "Both targets must retry delivery as long as EventBridge allows by default."
  }
  assert {
    condition     = aws_sqs_queue_policy.dead_letters[0].queue_url == "https://sqs.eu-west-1.amazonaws.com/123456789012/lambda-registrator-dlq"
    error_message = "The queue policy must be set on the dead-letter queue."
  }
  assert {
    condition = alltrue([
      one(data.aws_iam_policy_document.dead_letters[0].statement).actions == toset(["sqs:SendMessage"]),
      one(data.aws_iam_policy_document.dead_letters[0].statement).resources == toset(["arn:aws:sqs:eu-west-1:123456789012:lambda-registrator-dlq"]),
      one(one(data.aws_iam_policy_document.dead_letters[0].statement).principals).identifiers == toset(["events.amazonaws.com"]),
    ])
    error_message = "EventBridge, and only it, may send to the dead-letter queue."
  }
  assert {
    condition     = one(one(data.aws_iam_policy_document.dead_letters[0].statement).condition).values == tolist(["arn:aws:events:eu-west-1:123456789012:rule/lambda-registrator-events", "arn:aws:events:eu-west-1:123456789012:rule/lambda-registrator-sync"])
    error_message = "EventBridge may send to the dead-letter queue only for the module's two rules."
  }
  assert {
    condition     = output.failure_destination_arn == "arn:aws:sqs:eu-west-1:123456789012:lambda-registrator-failures" && output.dead_letter_queue_arn == "arn:aws:sqs:eu-west-1:123456789012:lambda-registrator-dlq"
    error_message = "The queues must be outputs, to replay from."
  }
}

run "a_given_topic_is_the_failure_destination_and_no_queue_is_created" {
  command = plan

  variables {
    failure_destination_arn      = "arn:aws:sns:eu-west-1:123456789012:registrator-failures"
    maximum_retry_attempts       = 0
    maximum_event_age_in_seconds = 3600
  }

  assert {
    condition     = length(aws_sqs_queue.failures) == 0
    error_message = "A given destination replaces the created queue."
  }
  assert {
    condition     = aws_lambda_function_event_invoke_config.this.destination_config[0].on_failure[0].destination == "arn:aws:sns:eu-west-1:123456789012:registrator-failures"
    error_message = "The given destination must be used."
  }
  assert {
    condition     = one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "SendFailedInvocations"]).actions == toset(["sns:Publish"])
    error_message = "An SNS destination needs sns:Publish, nothing else."
  }
  assert {
    condition     = aws_lambda_function_event_invoke_config.this.maximum_retry_attempts == 0 && aws_lambda_function_event_invoke_config.this.maximum_event_age_in_seconds == 3600
    error_message = "maximum_retry_attempts and maximum_event_age_in_seconds must be passed through."
  }
}

run "lambda_and_event_bus_destinations_get_their_own_permission" {
  command = plan

  variables {
    failure_destination_arn = "arn:aws:events:eu-west-1:123456789012:event-bus/failures"
  }

  assert {
    condition     = one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "SendFailedInvocations"]).actions == toset(["events:PutEvents"])
    error_message = "An event bus destination needs events:PutEvents."
  }
}

run "a_given_dead_letter_queue_is_used_without_creating_one" {
  command = plan

  variables {
    dead_letter_queue_arn        = "arn:aws:sqs:eu-west-1:123456789012:shared-dlq"
    event_retry_attempts         = 10
    event_maximum_age_in_seconds = 600
  }

  assert {
    condition     = length(aws_sqs_queue.dead_letters) == 0 && length(aws_sqs_queue_policy.dead_letters) == 0
    error_message = "A given dead-letter queue replaces the created one (its owner writes its policy)."
  }
  assert {
    condition = alltrue([for t in [aws_cloudwatch_event_target.events, aws_cloudwatch_event_target.schedule] :
    t.dead_letter_config[0].arn == "arn:aws:sqs:eu-west-1:123456789012:shared-dlq" && t.retry_policy[0].maximum_retry_attempts == 10 && t.retry_policy[0].maximum_event_age_in_seconds == 600])
    error_message = "Both targets must use the given queue and retry policy."
  }
}

run "queues_can_be_turned_off" {
  command = plan

  variables {
    create_failure_queue     = false
    create_dead_letter_queue = false
  }

  assert {
    condition     = length(aws_lambda_function_event_invoke_config.this.destination_config) == 0 && length([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "SendFailedInvocations"]) == 0
    error_message = "Without a failure queue there is no destination and no send permission."
  }
  assert {
    condition     = length(aws_cloudwatch_event_target.events.dead_letter_config) == 0 && length(aws_cloudwatch_event_target.schedule.dead_letter_config) == 0
    error_message = "Without a dead-letter queue the targets have none."
  }
}

run "failure_inputs_reject_values_outside_their_domain" {
  command = plan

  variables {
    maximum_retry_attempts       = 3
    maximum_event_age_in_seconds = 30
    failure_destination_arn      = "arn:aws:s3:::bucket"
    dead_letter_queue_arn        = "arn:aws:sns:eu-west-1:123456789012:topic"
    event_retry_attempts         = 186
    event_maximum_age_in_seconds = 59
  }

  expect_failures = [
    var.maximum_retry_attempts,
    var.maximum_event_age_in_seconds,
    var.failure_destination_arn,
    var.dead_letter_queue_arn,
    var.event_retry_attempts,
    var.event_maximum_age_in_seconds,
  ]
}

# --- Alarms --------------------------------------------------------------------------------------------------

run "no_alarms_without_a_topic" {
  command = plan

  assert {
    condition = alltrue([for n in [
      length(aws_sns_topic.alarms), length(aws_cloudwatch_metric_alarm.errors), length(aws_cloudwatch_metric_alarm.throttles),
      length(aws_cloudwatch_metric_alarm.duration), length(aws_cloudwatch_metric_alarm.actions_failed),
      length(aws_cloudwatch_metric_alarm.inventory_incomplete), length(aws_cloudwatch_metric_alarm.full_sync_missing),
      length(aws_cloudwatch_metric_alarm.queued_failures), length(aws_cloudwatch_dashboard.this),
    ] : n == 0])
    error_message = "Alarms, their topic and the dashboard are opt-in."
  }
}

run "a_created_topic_gets_every_alarm_on_the_metric_contract" {
  command = apply

  variables {
    create_alarm_topic               = true
    sync_frequency_in_minutes        = 5
    timeout                          = 60
    alarm_inventory_incomplete_syncs = 4
    metrics_namespace                = "Platform/LambdaRegistrator"
  }

  assert {
    condition     = aws_sns_topic.alarms[0].name == "lambda-registrator-alarms" && output.alarm_topic_arn == "arn:aws:sns:eu-west-1:123456789012:lambda-registrator-alarms"
    error_message = "The topic is <name>-alarms and an output."
  }
  assert {
    condition = toset(keys(output.alarm_arns)) == toset([
      "lambda-registrator-errors", "lambda-registrator-throttles", "lambda-registrator-duration",
      "lambda-registrator-actions-failed", "lambda-registrator-inventory-incomplete", "lambda-registrator-full-sync-missing",
      "lambda-registrator-failures-queued", "lambda-registrator-dead-letters-queued",
    ])
    error_message = "Unexpected alarms: ${jsonencode(keys(output.alarm_arns))}"
  }
  assert {
    condition = alltrue([for a in concat(aws_cloudwatch_metric_alarm.errors, aws_cloudwatch_metric_alarm.full_sync_missing, values(aws_cloudwatch_metric_alarm.queued_failures)) :
    a.alarm_actions == toset(["arn:aws:sns:eu-west-1:123456789012:lambda-registrator-alarms"]) && a.ok_actions == a.alarm_actions])
    error_message = "Every alarm must notify the topic when it fires and when it clears."
  }
  assert {
    condition = alltrue([for a in [aws_cloudwatch_metric_alarm.errors[0], aws_cloudwatch_metric_alarm.throttles[0]] :
    a.namespace == "AWS/Lambda" && a.dimensions == tomap({ FunctionName = "lambda-registrator" }) && a.statistic == "Sum" && a.threshold == 1 && a.period == 300])
    error_message = "Errors and throttles of this function, summed per schedule period, alarm from the first one."
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.errors[0].metric_name == "Errors" && aws_cloudwatch_metric_alarm.throttles[0].metric_name == "Throttles"
    error_message = "The Lambda alarms must watch Errors and Throttles."
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.duration[0].metric_name == "Duration" && aws_cloudwatch_metric_alarm.duration[0].statistic == "Maximum" && aws_cloudwatch_metric_alarm.duration[0].threshold == 48000 && aws_cloudwatch_metric_alarm.duration[0].comparison_operator == "GreaterThanThreshold"
    error_message = "The duration alarm fires above 80% of the 60 s timeout (48000 ms), got ${aws_cloudwatch_metric_alarm.duration[0].threshold}."
  }
  assert {
    condition     = [for q in aws_cloudwatch_metric_alarm.actions_failed[0].metric_query : q.expression if q.return_data == true] == ["FILL(full, 0) + FILL(targeted, 0)"] && aws_cloudwatch_metric_alarm.actions_failed[0].threshold == 0 && aws_cloudwatch_metric_alarm.actions_failed[0].comparison_operator == "GreaterThanThreshold"
    error_message = "ActionsFailed > 0 over full and targeted syncs together."
  }
  assert {
    condition = toset([for q in aws_cloudwatch_metric_alarm.actions_failed[0].metric_query : jsonencode(q.metric[0]) if length(q.metric) > 0]) == toset([
      jsonencode({ dimensions = { Trigger = "full-sync" }, metric_name = "ActionsFailed", namespace = "Platform/LambdaRegistrator", period = 300, stat = "Sum", unit = null }),
      jsonencode({ dimensions = { Trigger = "targeted-sync" }, metric_name = "ActionsFailed", namespace = "Platform/LambdaRegistrator", period = 300, stat = "Sum", unit = null }),
    ])
    error_message = "Unexpected ActionsFailed queries: ${jsonencode([for q in aws_cloudwatch_metric_alarm.actions_failed[0].metric_query : q.metric])}"
  }
  assert {
    condition = alltrue([
      aws_cloudwatch_metric_alarm.inventory_incomplete[0].namespace == "Platform/LambdaRegistrator",
      aws_cloudwatch_metric_alarm.inventory_incomplete[0].metric_name == "InventoryIncomplete",
      aws_cloudwatch_metric_alarm.inventory_incomplete[0].dimensions == tomap({ Trigger = "full-sync" }),
      aws_cloudwatch_metric_alarm.inventory_incomplete[0].statistic == "Minimum",
      aws_cloudwatch_metric_alarm.inventory_incomplete[0].period == 300,
      aws_cloudwatch_metric_alarm.inventory_incomplete[0].evaluation_periods == 4,
      aws_cloudwatch_metric_alarm.inventory_incomplete[0].datapoints_to_alarm == 4,
      aws_cloudwatch_metric_alarm.inventory_incomplete[0].threshold == 1,
      aws_cloudwatch_metric_alarm.inventory_incomplete[0].treat_missing_data == "notBreaching",
    ])
    error_message = "InventoryIncomplete >= 1 in each of 4 consecutive schedule periods of full syncs."
  }
  assert {
    condition = alltrue([
      aws_cloudwatch_metric_alarm.full_sync_missing[0].namespace == "Platform/LambdaRegistrator",
      aws_cloudwatch_metric_alarm.full_sync_missing[0].metric_name == "ActionsFailed",
      aws_cloudwatch_metric_alarm.full_sync_missing[0].dimensions == tomap({ Trigger = "full-sync" }),
      aws_cloudwatch_metric_alarm.full_sync_missing[0].statistic == "Minimum",
      aws_cloudwatch_metric_alarm.full_sync_missing[0].period == 900,
      aws_cloudwatch_metric_alarm.full_sync_missing[0].evaluation_periods == 1,
      aws_cloudwatch_metric_alarm.full_sync_missing[0].comparison_operator == "GreaterThanOrEqualToThreshold",
      aws_cloudwatch_metric_alarm.full_sync_missing[0].threshold == 1,
      aws_cloudwatch_metric_alarm.full_sync_missing[0].treat_missing_data == "breaching",
    ])
    error_message = "No full sync without a failed action in 3 schedule periods (900 s): missing data alarms too."
  }
  assert {
    condition = alltrue([for k, a in aws_cloudwatch_metric_alarm.queued_failures :
    a.namespace == "AWS/SQS" && a.metric_name == "ApproximateNumberOfMessagesVisible" && a.threshold == 0 && a.comparison_operator == "GreaterThanThreshold"])
    error_message = "A message waiting in a failure queue must alarm."
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.queued_failures["failures"].dimensions == tomap({ QueueName = "lambda-registrator-failures" }) && aws_cloudwatch_metric_alarm.queued_failures["dead-letters"].dimensions == tomap({ QueueName = "lambda-registrator-dlq" })
    error_message = "Each queue alarm must watch its own queue."
  }
}

run "a_given_topic_is_notified_and_none_is_created" {
  command = plan

  variables {
    alarm_topic_arn         = "arn:aws:sns:eu-west-1:123456789012:oncall"
    failure_destination_arn = "arn:aws:sqs:eu-west-1:123456789012:team-failures"
  }

  assert {
    condition     = length(aws_sns_topic.alarms) == 0 && aws_cloudwatch_metric_alarm.errors[0].alarm_actions == toset(["arn:aws:sns:eu-west-1:123456789012:oncall"])
    error_message = "A given topic is used, and no topic is created."
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.queued_failures["failures"].dimensions == tomap({ QueueName = "team-failures" })
    error_message = "A given SQS failure destination is watched by its name."
  }
}

run "without_metrics_only_the_lambda_and_queue_alarms_exist" {
  command = plan

  variables {
    alarm_topic_arn = "arn:aws:sns:eu-west-1:123456789012:oncall"
    metrics_enabled = false
  }

  assert {
    condition     = length(aws_cloudwatch_metric_alarm.actions_failed) + length(aws_cloudwatch_metric_alarm.inventory_incomplete) + length(aws_cloudwatch_metric_alarm.full_sync_missing) == 0
    error_message = "The sync alarms read the function's metrics; without them they would only ever be missing data."
  }
  assert {
    condition     = length(aws_cloudwatch_metric_alarm.errors) == 1 && length(aws_cloudwatch_metric_alarm.throttles) == 1 && length(aws_cloudwatch_metric_alarm.duration) == 1
    error_message = "The Lambda alarms need no metric of the function's own."
  }
}

run "a_topic_given_and_created_is_rejected" {
  command = plan

  variables {
    alarm_topic_arn    = "arn:aws:sns:eu-west-1:123456789012:oncall"
    create_alarm_topic = true
  }

  expect_failures = [aws_sns_topic.alarms]
}

run "a_full_sync_window_longer_than_cloudwatch_evaluates_is_rejected" {
  command = plan

  variables {
    create_alarm_topic               = true
    sync_frequency_in_minutes        = 3361 # 3 periods are more than 7 days
    alarm_inventory_incomplete_syncs = 1
  }

  expect_failures = [aws_cloudwatch_metric_alarm.full_sync_missing]
}

run "too_many_incomplete_syncs_for_cloudwatch_are_rejected" {
  command = plan

  variables {
    create_alarm_topic               = true
    sync_frequency_in_minutes        = 30
    alarm_inventory_incomplete_syncs = 49 # 24.5 hours of 30-minute periods
  }

  expect_failures = [aws_cloudwatch_metric_alarm.inventory_incomplete]
}

run "alarm_inputs_reject_values_outside_their_domain" {
  command = plan

  variables {
    alarm_topic_arn                  = "arn:aws:sqs:eu-west-1:123456789012:not-a-topic"
    alarm_inventory_incomplete_syncs = 0
    alarm_duration_percent           = 101
    metrics_namespace                = "AWS/Lambda"
  }

  expect_failures = [var.alarm_topic_arn, var.alarm_inventory_incomplete_syncs, var.alarm_duration_percent, var.metrics_namespace]
}

# --- Dashboard -----------------------------------------------------------------------------------------------

run "the_dashboard_draws_every_metric_per_trigger" {
  command = plan

  variables {
    create_dashboard = true
  }

  assert {
    condition     = aws_cloudwatch_dashboard.this[0].dashboard_name == "lambda-registrator"
    error_message = "The dashboard is named after the function."
  }
  assert {
    condition = toset(flatten([for w in jsondecode(aws_cloudwatch_dashboard.this[0].dashboard_body).widgets : [
      for m in w.properties.metrics : "${m[1]} ${m[3]}" if m[0] == "LambdaRegistrator"
      ]])) == toset(flatten([for m in [
      "SyncDuration", "ActionsPlanned", "ActionsSucceeded", "ActionsFailed", "ActionsSkipped", "Registered", "Updated",
      "Deregistered", "DriftRepaired", "Problems", "InvalidTags", "Collisions", "InventoryIncomplete", "ManagedServices",
      "AwsRequests", "AwsThrottles", "ConsulRequests", "ConsulRetries",
    ] : ["${m} full-sync", "${m} targeted-sync"]]))
    error_message = "The dashboard must draw each of the 18 metrics for full and targeted syncs."
  }
  assert {
    condition = toset(flatten([for w in jsondecode(aws_cloudwatch_dashboard.this[0].dashboard_body).widgets : [
      for m in w.properties.metrics : m[1] if m[0] == "AWS/Lambda"
    ]])) == toset(["Invocations", "Errors", "Throttles", "Duration"])
    error_message = "The dashboard must draw the function's invocations, errors, throttles and duration."
  }
  assert {
    condition = toset(flatten([for w in jsondecode(aws_cloudwatch_dashboard.this[0].dashboard_body).widgets : [
      for m in w.properties.metrics : m[3] if m[0] == "AWS/SQS"
    ]])) == toset(["lambda-registrator-failures", "lambda-registrator-dlq"])
    error_message = "The dashboard must draw both failure queues."
  }
}
