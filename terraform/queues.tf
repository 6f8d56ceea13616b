locals {
  create_failure_queue     = var.create_failure_queue && var.failure_destination_arn == null
  create_dead_letter_queue = var.create_dead_letter_queue && var.dead_letter_queue_arn == null

  # Whether there is a destination or queue at all is decided from the inputs alone, so it is known at plan time
  # even before a created queue has an ARN.
  has_failure_destination = var.failure_destination_arn != null || local.create_failure_queue
  has_dead_letter_queue   = var.dead_letter_queue_arn != null || local.create_dead_letter_queue

  failure_destination_arn = var.failure_destination_arn != null ? var.failure_destination_arn : (
    local.create_failure_queue ? aws_sqs_queue.failures[0].arn : null
  )
  failure_destination_service = var.failure_destination_arn != null ? split(":", var.failure_destination_arn)[2] : "sqs"
  dead_letter_queue_arn = var.dead_letter_queue_arn != null ? var.dead_letter_queue_arn : (
    local.create_dead_letter_queue ? aws_sqs_queue.dead_letters[0].arn : null
  )

  # SQS queues holding failed events, by what they hold, with their names (an ARN's last field).
  watched_queues = merge(
    local.create_failure_queue ? { "failures" = "${var.name}-failures" } : {},
    var.failure_destination_arn != null && local.failure_destination_service == "sqs" ? { "failures" = split(":", coalesce(var.failure_destination_arn, "::::::"))[5] } : {},
    local.create_dead_letter_queue ? { "dead-letters" = "${var.name}-dlq" } : {},
    var.dead_letter_queue_arn != null ? { "dead-letters" = split(":", coalesce(var.dead_letter_queue_arn, "::::::"))[5] } : {},
  )

  # Why the longest retention SQS allows: a failed event is replayed by hand, maybe after a long weekend.
  failed_event_retention_seconds = 1209600
}

# Invocations Lambda gave up on after maximum_retry_attempts: each message is Lambda's invocation record, with
# the original EventBridge event as requestPayload.
resource "aws_sqs_queue" "failures" {
  count = local.create_failure_queue ? 1 : 0

  name                      = "${var.name}-failures"
  message_retention_seconds = local.failed_event_retention_seconds
  # Why SQS-managed encryption and not kms_key_arn: Lambda destinations and EventBridge dead-letter queues work with
  # it without key policy changes.
  sqs_managed_sse_enabled = true
  tags                    = var.tags
}

# Events EventBridge could not deliver to the function (throttled or unavailable past the retry policy): each
# message body is the event as EventBridge would have delivered it.
resource "aws_sqs_queue" "dead_letters" {
  count = local.create_dead_letter_queue ? 1 : 0

  name                      = "${var.name}-dlq"
  message_retention_seconds = local.failed_event_retention_seconds
  sqs_managed_sse_enabled   = true
  tags                      = var.tags
}

data "aws_iam_policy_document" "dead_letters" {
  count = local.create_dead_letter_queue ? 1 : 0

  statement {
    sid       = "EventBridgeSendsUndeliveredEvents"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.dead_letters[0].arn]
    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }
    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_cloudwatch_event_rule.events.arn, aws_cloudwatch_event_rule.schedule.arn]
    }
  }
}

resource "aws_sqs_queue_policy" "dead_letters" {
  count = local.create_dead_letter_queue ? 1 : 0

  queue_url = aws_sqs_queue.dead_letters[0].id
  policy    = data.aws_iam_policy_document.dead_letters[0].json
}
