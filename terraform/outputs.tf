output "function_arn" {
  description = "ARN of the registrator function."
  value       = aws_lambda_function.this.arn
}

output "function_name" {
  description = "Name of the registrator function (invoke it with {\"source\":\"aws.events\"} for a full sync now)."
  value       = aws_lambda_function.this.function_name
}

output "role_arn" {
  description = "ARN of the role the function runs as (created, or role_arn); member accounts trust it (modules/source-account registrator_role_arn)."
  value       = local.role_arn
}

output "role_name" {
  description = "Name of the role the function runs as, to attach more policies to."
  value       = local.role_name
}

output "role_policy_json" {
  description = "The permissions the function needs, as an IAM policy document; attach it to your own role when create_role is false."
  value       = data.aws_iam_policy_document.this.json
}

output "events_rule_arn" {
  description = "ARN of the EventBridge rule forwarding Lambda CloudTrail events (this account's and the forwarded ones of member accounts) to the registrator."
  value       = aws_cloudwatch_event_rule.events.arn
}

output "schedule_rule_arn" {
  description = "ARN of the EventBridge rule triggering the periodic full sync."
  value       = aws_cloudwatch_event_rule.schedule.arn
}

output "event_bus_arn" {
  description = "ARN of the event bus member accounts forward their Lambda CloudTrail events to (modules/source-account central_event_bus_arn)."
  value       = local.event_bus_arn
}

output "log_group_name" {
  description = "CloudWatch Logs group of the registrator."
  value       = aws_cloudwatch_log_group.this.name
}

output "failure_destination_arn" {
  description = "Where Lambda sends the invocations it gave up on (the created <name>-failures queue or failure_destination_arn); null when none."
  value       = local.failure_destination_arn
}

output "dead_letter_queue_arn" {
  description = "SQS queue of the events EventBridge could not deliver (the created <name>-dlq or dead_letter_queue_arn); null when none."
  value       = local.dead_letter_queue_arn
}

output "alarm_topic_arn" {
  description = "SNS topic the alarms notify (created or alarm_topic_arn); null without alarms."
  value       = local.alarm_topic_arn
}

output "alarm_arns" {
  description = "ARNs of the alarms the module created, by alarm name."
  value = { for a in concat(
    aws_cloudwatch_metric_alarm.errors, aws_cloudwatch_metric_alarm.throttles, aws_cloudwatch_metric_alarm.duration,
    aws_cloudwatch_metric_alarm.actions_failed, aws_cloudwatch_metric_alarm.inventory_incomplete,
    aws_cloudwatch_metric_alarm.full_sync_missing, values(aws_cloudwatch_metric_alarm.queued_failures),
  ) : a.alarm_name => a.arn }
}

output "dashboard_name" {
  description = "Name of the CloudWatch dashboard; null when create_dashboard is false."
  value       = one(aws_cloudwatch_dashboard.this[*].dashboard_name)
}

output "sources" {
  description = "The SOURCES value the function gets (JSON), to run the CLI against the same accounts and regions; null without sources."
  value       = length(var.sources) == 0 ? null : jsonencode(local.sources)
}
