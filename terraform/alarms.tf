locals {
  alarms_enabled      = var.alarm_topic_arn != null || var.create_alarm_topic
  sync_alarms_enabled = local.alarms_enabled && var.metrics_enabled
  alarm_topic_arn = var.alarm_topic_arn != null ? var.alarm_topic_arn : (
    var.create_alarm_topic ? aws_sns_topic.alarms[0].arn : null
  )
  alarm_actions = local.alarms_enabled ? [local.alarm_topic_arn] : []

  # Why the schedule period: each period then holds one scheduled full sync, so a failure that persists keeps the
  # alarm in ALARM instead of flapping between syncs.
  sync_period_seconds = var.sync_frequency_in_minutes * 60
  # Why 3 periods: one late or lost schedule tick must not page anyone; three in a row means the schedule stopped
  # or every full sync failed.
  full_sync_window_seconds = 3 * local.sync_period_seconds
  # CloudWatch evaluates at most one day of data, or seven days for periods of an hour or more.
  alarm_range_limit_seconds         = local.sync_period_seconds >= 3600 ? 604800 : 86400
  full_sync_window_limit_seconds    = local.full_sync_window_seconds >= 3600 ? 604800 : 86400
  inventory_incomplete_range_second = var.alarm_inventory_incomplete_syncs * local.sync_period_seconds

  function_dimensions = { FunctionName = var.name }
}

resource "aws_sns_topic" "alarms" {
  count = var.create_alarm_topic ? 1 : 0

  name = "${var.name}-alarms"
  tags = var.tags

  lifecycle {
    precondition {
      condition     = var.alarm_topic_arn == null
      error_message = "Set alarm_topic_arn or create_alarm_topic, not both: the alarms notify one topic."
    }
  }
}

# --- The function, from the metrics Lambda publishes ---------------------------------------------------------

resource "aws_cloudwatch_metric_alarm" "errors" {
  count = local.alarms_enabled ? 1 : 0

  alarm_name          = "${var.name}-errors"
  alarm_description   = "${var.name} failed an invocation: an action failed, an event was malformed, or the function crashed. Its log group tells which; failed events are kept in the failure queue."
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = local.function_dimensions
  statistic           = "Sum"
  period              = local.sync_period_seconds
  evaluation_periods  = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "throttles" {
  count = local.alarms_enabled ? 1 : 0

  alarm_name          = "${var.name}-throttles"
  alarm_description   = "Invocations of ${var.name} were throttled (reserved concurrency or the account's limit); EventBridge retries them, then keeps them in the dead-letter queue."
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  dimensions          = local.function_dimensions
  statistic           = "Sum"
  period              = local.sync_period_seconds
  evaluation_periods  = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "duration" {
  count = local.alarms_enabled ? 1 : 0

  alarm_name          = "${var.name}-duration"
  alarm_description   = "An invocation of ${var.name} ran longer than ${var.alarm_duration_percent}% of its ${var.timeout} s timeout: raise timeout or memory_size before syncs time out."
  namespace           = "AWS/Lambda"
  metric_name         = "Duration"
  dimensions          = local.function_dimensions
  statistic           = "Maximum"
  period              = local.sync_period_seconds
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.timeout * 1000 * var.alarm_duration_percent / 100
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

# --- The sync, from the function's own metrics (Embedded Metric Format, namespace metrics_namespace) ---------

resource "aws_cloudwatch_metric_alarm" "actions_failed" {
  count = local.sync_alarms_enabled ? 1 : 0

  alarm_name          = "${var.name}-actions-failed"
  alarm_description   = "A sync of ${var.name} failed to register, update or deregister something in Consul. The sync report in its log group names each failed action and why."
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags

  # Why a sum of two: every record carries the Trigger dimension, and actions run on full and targeted syncs.
  metric_query {
    id          = "failed"
    label       = "ActionsFailed (full and targeted syncs)"
    expression  = "FILL(full, 0) + FILL(targeted, 0)"
    return_data = true
  }
  dynamic "metric_query" {
    for_each = { full = "full-sync", targeted = "targeted-sync" }
    content {
      id = metric_query.key
      metric {
        namespace   = var.metrics_namespace
        metric_name = "ActionsFailed"
        dimensions  = { Trigger = metric_query.value }
        stat        = "Sum"
        period      = local.sync_period_seconds
      }
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "inventory_incomplete" {
  count = local.sync_alarms_enabled ? 1 : 0

  alarm_name          = "${var.name}-inventory-incomplete"
  alarm_description   = "${var.alarm_inventory_incomplete_syncs} scheduled full syncs in a row of ${var.name} could not read every source (AssumeRole denied, throttled past the deadline, ...): nothing of such a source is deregistered, and its changes wait."
  namespace           = var.metrics_namespace
  metric_name         = "InventoryIncomplete"
  dimensions          = { Trigger = "full-sync" }
  statistic           = "Minimum"
  period              = local.sync_period_seconds
  evaluation_periods  = var.alarm_inventory_incomplete_syncs
  datapoints_to_alarm = var.alarm_inventory_incomplete_syncs
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags

  lifecycle {
    precondition {
      condition     = local.inventory_incomplete_range_second <= local.alarm_range_limit_seconds
      error_message = "alarm_inventory_incomplete_syncs × sync_frequency_in_minutes spans ${local.inventory_incomplete_range_second} s, more than the ${local.alarm_range_limit_seconds} s CloudWatch alarms can evaluate: lower one of them."
    }
  }
}

# Why Minimum of ActionsFailed: it is 0 exactly when at least one full sync in the window completed without a failed
# action, and missing when no full sync reported at all (the schedule stopped, or every one crashed before its
# report), which treat_missing_data = "breaching" turns into an alarm too.
resource "aws_cloudwatch_metric_alarm" "full_sync_missing" {
  count = local.sync_alarms_enabled ? 1 : 0

  alarm_name          = "${var.name}-full-sync-missing"
  alarm_description   = "No full sync of ${var.name} succeeded in the last 3 schedule periods (${local.full_sync_window_seconds / 60} minutes): the schedule stopped, the function cannot start, or every full sync failed an action."
  namespace           = var.metrics_namespace
  metric_name         = "ActionsFailed"
  dimensions          = { Trigger = "full-sync" }
  statistic           = "Minimum"
  period              = local.full_sync_window_seconds
  evaluation_periods  = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  treat_missing_data  = "breaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags

  lifecycle {
    precondition {
      condition     = local.full_sync_window_seconds <= local.full_sync_window_limit_seconds
      error_message = "3 × sync_frequency_in_minutes is ${local.full_sync_window_seconds} s, longer than the ${local.full_sync_window_limit_seconds} s a CloudWatch alarm can evaluate: sync more often or leave the alarms off."
    }
  }
}

# --- Failed events waiting in a queue --------------------------------------------------------------------------

resource "aws_cloudwatch_metric_alarm" "queued_failures" {
  for_each = local.alarms_enabled ? local.watched_queues : {}

  alarm_name          = "${var.name}-${each.key}-queued"
  alarm_description   = "Events of ${var.name} wait in the SQS queue ${each.value}: replay each with `lambda-registrator handle-event` and delete it."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = each.value }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}
