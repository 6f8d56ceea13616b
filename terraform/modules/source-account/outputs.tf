output "role_arn" {
  description = "ARN of the role the registrator assumes: the role_arn of this account's entry in the registrator module's sources. Known at plan time."
  value       = local.role_arn
}

output "role_name" {
  description = "Name of the role the registrator assumes."
  value       = var.name
}

output "source" {
  description = "This account and region as an entry of the registrator module's sources (role_arn, regions, external_id)."
  value = {
    role_arn    = local.role_arn
    regions     = [local.region]
    external_id = var.external_id
  }
}

output "forward_rule_arn" {
  description = "ARN of the rule forwarding Lambda CloudTrail events to the central bus; null when forward_events is false."
  value       = one(aws_cloudwatch_event_rule.forward[*].arn)
}

output "forward_role_arn" {
  description = "ARN of the role EventBridge forwards events with; null when forward_events is false."
  value       = one(aws_iam_role.forward[*].arn)
}
