resource "aws_cloudwatch_log_group" "this" {
  # Why: the name Lambda writes to by default, created here so it has a retention and is removed on destroy.
  name              = "/aws/lambda/${var.name}"
  retention_in_days = var.log_retention_in_days
  # The key policy must let logs.<region>.amazonaws.com use the key for this log group (module README).
  kms_key_id = var.kms_key_arn
  tags       = var.tags
}
