data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  partition = data.aws_partition.current.partition
  # Why `id`: the region name on 5.x and 6.x alike (as in the registrator module).
  region  = data.aws_region.current.id
  account = data.aws_caller_identity.current.account_id

  # Built from known parts, not read from the role, so it is known at plan time: the central module grants this
  # account events:PutEvents by the account id in it.
  role_arn = "arn:${local.partition}:iam::${local.account}:role${var.role_path}${var.name}"

  function_arns = length(var.regions) == 0 ? ["arn:${local.partition}:lambda:*:${local.account}:function:*"] : [
    for r in var.regions : "arn:${local.partition}:lambda:${r}:${local.account}:function:*"
  ]

  # The pattern the registrator's own events rule uses, from the one file both modules read.
  cloudtrail_event_pattern = jsondecode(file("${path.module}/../../cloudtrail-lambda-events.json"))
}

# --- The role the registrator assumes ----------------------------------------------------------------------

data "aws_iam_policy_document" "trust" {
  statement {
    sid     = "RegistratorAssumesRole"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = [var.registrator_role_arn]
    }
    dynamic "condition" {
      for_each = var.external_id == null ? [] : [var.external_id]
      content {
        test     = "StringEquals"
        variable = "sts:ExternalId"
        values   = [condition.value]
      }
    }
  }
}

data "aws_iam_policy_document" "read" {
  # ListFunctions and GetResources do not support resource-level permissions.
  statement {
    sid       = "InventoryFunctions"
    actions   = ["lambda:ListFunctions", "tag:GetResources"]
    resources = ["*"]
  }

  # Why ListTags: GetFunction returns a function's tags only with this permission.
  statement {
    sid       = "ReadFunctions"
    actions   = ["lambda:GetFunction", "lambda:ListTags", "lambda:ListAliases"]
    resources = local.function_arns
  }
}

resource "aws_iam_role" "source" {
  count = var.create_role ? 1 : 0

  name                 = var.name
  path                 = var.role_path
  description          = "Read-only access to this account's Lambda functions for the LambdaRegistrator ${var.registrator_role_arn}."
  assume_role_policy   = data.aws_iam_policy_document.trust.json
  permissions_boundary = var.role_permissions_boundary
  tags                 = var.tags
}

resource "aws_iam_role_policy" "source" {
  count = var.create_role ? 1 : 0

  name   = "${var.name}-read-functions"
  role   = aws_iam_role.source[0].name
  policy = data.aws_iam_policy_document.read.json
}
