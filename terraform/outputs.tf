output "function_arn" {
  description = "ARN of the registrator function."
  value       = aws_lambda_function.this.arn
}

output "function_name" {
  description = "Name of the registrator function (invoke it with {\"source\":\"aws.events\"} for a full sync now)."
  value       = aws_lambda_function.this.function_name
}

output "role_arn" {
  description = "ARN of the registrator's IAM role."
  value       = aws_iam_role.this.arn
}

output "role_name" {
  description = "Name of the registrator's IAM role, to attach more policies to."
  value       = aws_iam_role.this.name
}

output "events_rule_arn" {
  description = "ARN of the EventBridge rule forwarding Lambda CloudTrail events to the registrator."
  value       = aws_cloudwatch_event_rule.events.arn
}

output "schedule_rule_arn" {
  description = "ARN of the EventBridge rule triggering the periodic full sync."
  value       = aws_cloudwatch_event_rule.schedule.arn
}

output "log_group_name" {
  description = "CloudWatch Logs group of the registrator."
  value       = aws_cloudwatch_log_group.this.name
}
