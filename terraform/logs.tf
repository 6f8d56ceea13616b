resource "aws_cloudwatch_log_group" "this" {
  # Why: the name Lambda writes to by default, created here so it has a retention and is removed on destroy.
  name              = "/aws/lambda/${var.name}"
  retention_in_days = var.log_retention_in_days
  tags              = var.tags
}
