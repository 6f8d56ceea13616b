data "aws_iam_policy_document" "assume_role" {
  statement {
    sid     = "LambdaAssumesRole"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  count = var.create_role ? 1 : 0

  name                 = var.name
  path                 = var.role_path
  description          = "Role of the LambdaRegistrator function ${var.name}."
  assume_role_policy   = data.aws_iam_policy_document.assume_role.json
  permissions_boundary = var.role_permissions_boundary
  tags                 = merge(var.tags, var.role_tags)
}

# The role and its policy had no count before create_role existed; existing deployments keep them.
moved {
  from = aws_iam_role.this
  to   = aws_iam_role.this[0]
}

moved {
  from = aws_iam_role_policy.this
  to   = aws_iam_role_policy.this[0]
}

locals {
  role_arn = var.create_role ? aws_iam_role.this[0].arn : var.role_arn
  # The name is the ARN's last path segment (ARNs of roles with a path hold it before the name).
  role_name = var.create_role ? aws_iam_role.this[0].name : (var.role_arn == null ? null : element(split("/", var.role_arn), length(split("/", var.role_arn)) - 1))

  ssm_parameter_arn_prefix = "arn:${local.partition}:ssm:${local.region}:${local.account}:parameter"
  # Parameter names start with "/", so the ARN is the prefix followed by the name.
  secret_parameter_arns = [
    for path in [local.token_path, local.ca_cert_path] : "${local.ssm_parameter_arn_prefix}${path}" if path != ""
  ]
  extension_data_arns = local.extension_data_prefix == "" ? [] : ["${local.ssm_parameter_arn_prefix}${local.extension_data_prefix}/*"]
  # Functions of the registrator's own account it reads with its own credentials, in each of its own regions.
  function_arns = [for r in local.own_regions : "arn:${local.partition}:lambda:${r}:${local.account}:function:*"]

  # What the function must be allowed to do to send to its on-failure destination, by the destination's service.
  destination_actions = {
    sqs    = "sqs:SendMessage"
    sns    = "sns:Publish"
    lambda = "lambda:InvokeFunction"
    events = "events:PutEvents"
  }

  log_group_arn = "arn:${local.partition}:logs:${local.region}:${local.account}:log-group:${aws_cloudwatch_log_group.this.name}"
}

data "aws_iam_policy_document" "this" {
  # ListFunctions and GetResources do not support resource-level permissions. Not needed when every source is
  # reached through a role: those roles hold the permissions in their own accounts.
  dynamic "statement" {
    for_each = length(local.own_regions) > 0 ? [1] : []
    content {
      sid       = "InventoryFunctions"
      actions   = ["lambda:ListFunctions", "tag:GetResources"]
      resources = ["*"]
    }
  }

  # Why ListTags: GetFunction returns a function's tags only with this permission. Without it the Go module's
  # registrator saw every function as untagged and deregistered everything.
  dynamic "statement" {
    for_each = length(local.own_regions) > 0 ? [1] : []
    content {
      sid       = "ReadFunctions"
      actions   = ["lambda:GetFunction", "lambda:ListTags", "lambda:ListAliases"]
      resources = local.function_arns
    }
  }

  # Exactly the member roles of the sources, nothing wider.
  dynamic "statement" {
    for_each = length(local.source_role_arns) > 0 ? [1] : []
    content {
      sid       = "AssumeSourceRoles"
      actions   = ["sts:AssumeRole"]
      resources = local.source_role_arns
    }
  }

  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${local.log_group_arn}:*"]
  }

  dynamic "statement" {
    for_each = length(local.secret_parameter_arns) > 0 ? [1] : []
    content {
      sid       = "ReadConsulSecrets"
      actions   = ["ssm:GetParameter", "ssm:GetParameters"]
      resources = local.secret_parameter_arns
    }
  }

  # The registrator reads back what it wrote to detect drift and certificate expiry before rewriting it.
  dynamic "statement" {
    for_each = length(local.extension_data_arns) > 0 ? [1] : []
    content {
      sid       = "WriteExtensionData"
      actions   = ["ssm:GetParameter", "ssm:PutParameter", "ssm:DeleteParameter"]
      resources = local.extension_data_arns
    }
  }

  # Why conditions instead of key ARNs: SecureStrings may use the AWS managed key or any customer key, and
  # SSM names the parameter in the encryption context, so this allows the key only for these parameters.
  dynamic "statement" {
    for_each = length(local.secret_parameter_arns) > 0 ? [1] : []
    content {
      sid       = "DecryptConsulSecrets"
      actions   = ["kms:Decrypt"]
      resources = ["arn:${local.partition}:kms:${local.region}:*:key/*"]
      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["ssm.${local.region}.amazonaws.com"]
      }
      condition {
        test     = "StringEquals"
        variable = "kms:EncryptionContext:PARAMETER_ARN"
        values   = local.secret_parameter_arns
      }
    }
  }

  dynamic "statement" {
    for_each = length(local.extension_data_arns) > 0 ? [1] : []
    content {
      sid       = "EncryptExtensionData"
      actions   = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"]
      resources = ["arn:${local.partition}:kms:${local.region}:*:key/*"]
      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["ssm.${local.region}.amazonaws.com"]
      }
      condition {
        test     = "StringLike"
        variable = "kms:EncryptionContext:PARAMETER_ARN"
        values   = local.extension_data_arns
      }
    }
  }

  # Lambda sends an invocation it gave up on with the function's own role.
  dynamic "statement" {
    for_each = local.has_failure_destination ? [1] : []
    content {
      sid       = "SendFailedInvocations"
      actions   = [local.destination_actions[local.failure_destination_service]]
      resources = [local.failure_destination_arn]
    }
  }

  # X-Ray has no resource-level permissions for these.
  dynamic "statement" {
    for_each = var.tracing_mode == null ? [] : [1]
    content {
      sid       = "WriteTraces"
      actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
      resources = ["*"]
    }
  }

  # The statements of the AWS managed AWSLambdaVPCAccessExecutionRole, minus logs (granted above).
  # Lambda requires resource "*" for these.
  dynamic "statement" {
    for_each = local.on_vpc ? [1] : []
    content {
      sid = "ManageVpcNetworkInterfaces"
      actions = [
        "ec2:CreateNetworkInterface",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeSubnets",
        "ec2:DeleteNetworkInterface",
        "ec2:AssignPrivateIpAddresses",
        "ec2:UnassignPrivateIpAddresses",
      ]
      resources = ["*"]
    }
  }
}

resource "aws_iam_role_policy" "this" {
  count = var.create_role ? 1 : 0

  name   = "${var.name}-registrator"
  role   = aws_iam_role.this[0].name
  policy = data.aws_iam_policy_document.this.json
}
