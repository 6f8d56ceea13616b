locals {
  # Every CloudTrail event the function acts on (behaviour contract, section 3). CloudTrail records most Lambda
  # calls under the API version suffixed name (CreateFunction20150331, TagResource20170331v2, ...); the
  # unsuffixed and older names are listed too because CloudTrail has used them and may again.
  cloudtrail_event_names = [
    "CreateFunction", "CreateFunction20150331",
    "UpdateFunctionConfiguration", "UpdateFunctionConfiguration20150331", "UpdateFunctionConfiguration20150331v2",
    "DeleteFunction", "DeleteFunction20150331",
    "TagResource", "TagResource20170331", "TagResource20170331v2",
    "UntagResource", "UntagResource20170331", "UntagResource20170331v2",
    "CreateAlias", "CreateAlias20150331",
    "UpdateAlias", "UpdateAlias20150331",
    "DeleteAlias", "DeleteAlias20150331",
  ]

  # Why the singular: EventBridge rejects "rate(1 minutes)".
  schedule_expression = "rate(${var.sync_frequency_in_minutes} ${var.sync_frequency_in_minutes == 1 ? "minute" : "minutes"})"
}

resource "aws_cloudwatch_event_rule" "events" {
  name        = "${var.name}-events"
  description = "Lambda API calls recorded by CloudTrail that change what ${var.name} registers in Consul. Needs a CloudTrail trail with management events."
  event_pattern = jsonencode({
    source        = ["aws.lambda"]
    "detail-type" = ["AWS API Call via CloudTrail"]
    detail = {
      eventSource = ["lambda.amazonaws.com"]
      eventName   = local.cloudtrail_event_names
      # Failed calls change nothing; the function would only acknowledge them.
      errorCode = [{ exists = false }]
    }
  })
  tags = var.tags
}

resource "aws_cloudwatch_event_rule" "schedule" {
  name                = "${var.name}-sync"
  description         = "Full sync of ${var.name}: repairs drift and catches missed events."
  schedule_expression = local.schedule_expression
  tags                = var.tags
}

resource "aws_cloudwatch_event_target" "events" {
  rule      = aws_cloudwatch_event_rule.events.name
  target_id = "lambda-registrator"
  arn       = aws_lambda_function.this.arn
}

resource "aws_cloudwatch_event_target" "schedule" {
  rule      = aws_cloudwatch_event_rule.schedule.name
  target_id = "lambda-registrator"
  arn       = aws_lambda_function.this.arn
}

resource "aws_lambda_permission" "events" {
  statement_id  = "AllowCloudTrailEvents"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.this.function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.events.arn
}

resource "aws_lambda_permission" "schedule" {
  statement_id  = "AllowScheduledSync"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.this.function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.schedule.arn
}
