locals {
  # Every CloudTrail event the function acts on, shared with modules/source-account so a member account forwards
  # exactly what the registrator handles. CloudTrail records most Lambda calls under the API version suffixed name
  # (CreateFunction20150331, TagResource20170331v2, ...); the unsuffixed and older names are listed too because
  # CloudTrail has used them and may again. Failed calls (errorCode) change nothing and are not matched.
  cloudtrail_event_pattern = jsondecode(file("${path.module}/cloudtrail-lambda-events.json"))

  # Why an account filter with sources: forwarded events keep their original account and region, and the bus may
  # accept events of accounts that are no source (a whole organization); those need not invoke the function.
  events_rule_pattern = merge(
    local.cloudtrail_event_pattern,
    length(var.sources) == 0 ? {} : { account = local.event_accounts },
  )

  # Why the singular: EventBridge rejects "rate(1 minutes)".
  schedule_expression = "rate(${var.sync_frequency_in_minutes} ${var.sync_frequency_in_minutes == 1 ? "minute" : "minutes"})"

  event_bus_arn = "arn:${local.partition}:events:${local.region}:${local.account}:event-bus/default"
  # Statement ids are at most 64 characters and unique per bus: the name's first 51, "-" and an account id.
  statement_prefix = substr(var.name, 0, 51)
}

resource "aws_cloudwatch_event_rule" "events" {
  name          = "${var.name}-events"
  description   = "Lambda API calls recorded by CloudTrail that change what ${var.name} registers in Consul. Needs a CloudTrail trail with management events."
  event_pattern = jsonencode(local.events_rule_pattern)
  tags          = var.tags
}

resource "aws_cloudwatch_event_rule" "schedule" {
  name                = "${var.name}-sync"
  description         = "Full sync of ${var.name}: repairs drift and catches missed events."
  schedule_expression = local.schedule_expression
  tags                = var.tags
}

# Delivery failures (the function throttled or unavailable) are retried by EventBridge, then kept in the
# dead-letter queue; failures inside the function are Lambda's retries and its on-failure destination.
resource "aws_cloudwatch_event_target" "events" {
  rule      = aws_cloudwatch_event_rule.events.name
  target_id = "lambda-registrator"
  arn       = aws_lambda_function.this.arn

  retry_policy {
    maximum_retry_attempts       = var.event_retry_attempts
    maximum_event_age_in_seconds = var.event_maximum_age_in_seconds
  }

  dynamic "dead_letter_config" {
    for_each = local.has_dead_letter_queue ? [1] : []
    content {
      arn = local.dead_letter_queue_arn
    }
  }
}

resource "aws_cloudwatch_event_target" "schedule" {
  rule      = aws_cloudwatch_event_rule.schedule.name
  target_id = "lambda-registrator"
  arn       = aws_lambda_function.this.arn

  retry_policy {
    maximum_retry_attempts       = var.event_retry_attempts
    maximum_event_age_in_seconds = var.event_maximum_age_in_seconds
  }

  dynamic "dead_letter_config" {
    for_each = local.has_dead_letter_queue ? [1] : []
    content {
      arn = local.dead_letter_queue_arn
    }
  }
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

# Member accounts forward their Lambda CloudTrail events to this account's default bus (modules/source-account).
# Why one permission per account and not a bus policy: aws_cloudwatch_event_bus_policy owns the whole policy of the
# shared default bus and would remove every statement someone else added.
resource "aws_cloudwatch_event_permission" "accounts" {
  for_each = local.put_events_accounts

  statement_id = "${local.statement_prefix}-${each.key}"
  principal    = each.key
  action       = "events:PutEvents"
}

resource "aws_cloudwatch_event_permission" "organization" {
  count = var.event_source_organization_id == null ? 0 : 1

  statement_id = "${local.statement_prefix}-organization"
  principal    = "*"
  action       = "events:PutEvents"

  condition {
    key   = "aws:PrincipalOrgID"
    type  = "StringEquals"
    value = var.event_source_organization_id
  }
}
