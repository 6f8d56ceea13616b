output "registrator_function_name" {
  description = "Name of the registrator function; invoke it with {\"source\":\"aws.events\"} for a full sync now."
  value       = module.lambda_registrator.function_name
}

output "registrator_function_arn" {
  description = "ARN of the registrator function."
  value       = module.lambda_registrator.function_arn
}

output "registrator_role_arn" {
  description = "ARN of the registrator's IAM role."
  value       = module.lambda_registrator.role_arn
}

output "registrator_log_group_name" {
  description = "CloudWatch Logs group to read the registrator's sync reports in."
  value       = module.lambda_registrator.log_group_name
}

output "events_rule_arn" {
  description = "ARN of the CloudTrail events rule."
  value       = module.lambda_registrator.events_rule_arn
}

output "schedule_rule_arn" {
  description = "ARN of the full sync schedule rule."
  value       = module.lambda_registrator.schedule_rule_arn
}

output "failure_destination_arn" {
  description = "Queue of the invocations Lambda gave up on; replay a message body with lambda-registrator handle-event."
  value       = module.lambda_registrator.failure_destination_arn
}

output "dead_letter_queue_arn" {
  description = "Queue of the events EventBridge could not deliver; replay a message body with lambda-registrator handle-event."
  value       = module.lambda_registrator.dead_letter_queue_arn
}

output "alarm_topic_arn" {
  description = "SNS topic of the alarms (with alarms = true)."
  value       = module.lambda_registrator.alarm_topic_arn
}

output "sample_function_arn" {
  description = "ARN of the sample function; Consul gets a service of the same name."
  value       = aws_lambda_function.sample.arn
}

output "sample_consul_services" {
  description = "Consul services the registrator creates for the sample function: the function and one per alias."
  value       = concat([aws_lambda_function.sample.function_name], [for a in var.sample_function_aliases : "${aws_lambda_function.sample.function_name}-${a}"])
}
