output "registrator_function_name" {
  description = "Name of the registrator function in the central account."
  value       = module.lambda_registrator.function_name
}

output "registrator_role_arn" {
  description = "Role of the registrator; the member role trusts exactly it."
  value       = module.lambda_registrator.role_arn
}

output "event_bus_arn" {
  description = "The central bus the member account forwards its Lambda CloudTrail events to."
  value       = module.lambda_registrator.event_bus_arn
}

output "member_role_arn" {
  description = "Role the registrator assumes in the member account."
  value       = module.member.role_arn
}

output "member_forward_rule_arns" {
  description = "Rules forwarding the member account's Lambda CloudTrail events, by region."
  value = {
    (var.region)               = module.member.forward_rule_arn
    (var.member_second_region) = module.member_second_region.forward_rule_arn
  }
}

output "sample_function_arn" {
  description = "ARN of the member account's sample function; Consul gets a service of the same name, owned by <member account>/<region>."
  value       = aws_lambda_function.sample.arn
}
