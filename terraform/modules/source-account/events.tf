# The member account's Lambda CloudTrail events, forwarded to the central account's bus. They keep their account
# and region there, which is how the registrator picks the source that reads the function.

locals {
  # The rule alone follows forward_events, so its precondition names a missing bus; the rest needs the bus.
  forward = var.forward_events && var.central_event_bus_arn != null
}

resource "aws_cloudwatch_event_rule" "forward" {
  count = var.forward_events ? 1 : 0

  name          = "${var.name}-forward"
  description   = "Forwards the Lambda API calls recorded by CloudTrail to the LambdaRegistrator's event bus ${coalesce(var.central_event_bus_arn, "-")}. Needs a CloudTrail trail with management events."
  event_pattern = jsonencode(local.cloudtrail_event_pattern)
  tags          = var.tags

  lifecycle {
    precondition {
      condition     = var.central_event_bus_arn != null
      error_message = "forward_events is true but central_event_bus_arn is not set: give the registrator module's event_bus_arn output, or set forward_events = false."
    }
    precondition {
      # Why: a rule forwarding to its own bus would receive every event it forwards, again and again.
      condition     = !startswith(coalesce(var.central_event_bus_arn, "-"), "arn:${local.partition}:events:${local.region}:${local.account}:")
      error_message = "central_event_bus_arn is this account's bus in this region, where the registrator's own rule already sees these events: apply the module here with forward_events = false."
    }
  }
}

data "aws_iam_policy_document" "forward_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "forward" {
  count = local.forward ? 1 : 0

  statement {
    sid       = "PutEventsOnTheCentralBus"
    actions   = ["events:PutEvents"]
    resources = [var.central_event_bus_arn]
  }
}

# Why a role: EventBridge needs one to put events on another account's bus.
resource "aws_iam_role" "forward" {
  count = local.forward ? 1 : 0

  # IAM is global and this rule regional: the region keeps the role of each region apart.
  name                 = "${var.name}-forward-${local.region}"
  path                 = var.role_path
  description          = "Lets EventBridge forward Lambda CloudTrail events of ${local.region} to the LambdaRegistrator."
  assume_role_policy   = data.aws_iam_policy_document.forward_trust.json
  permissions_boundary = var.role_permissions_boundary
  tags                 = var.tags
}

resource "aws_iam_role_policy" "forward" {
  count = local.forward ? 1 : 0

  name   = "${var.name}-put-events"
  role   = aws_iam_role.forward[0].name
  policy = data.aws_iam_policy_document.forward[0].json
}

resource "aws_cloudwatch_event_target" "forward" {
  count = local.forward ? 1 : 0

  rule      = aws_cloudwatch_event_rule.forward[0].name
  target_id = "lambda-registrator"
  arn       = var.central_event_bus_arn
  role_arn  = aws_iam_role.forward[0].arn

  retry_policy {
    maximum_retry_attempts       = var.event_retry_attempts
    maximum_event_age_in_seconds = var.event_maximum_age_in_seconds
  }

  dynamic "dead_letter_config" {
    for_each = var.dead_letter_queue_arn == null ? [] : [var.dead_letter_queue_arn]
    content {
      arn = dead_letter_config.value
    }
  }

  # EventBridge checks the role when the target is written.
  depends_on = [aws_iam_role_policy.forward]
}
