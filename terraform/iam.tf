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
  name               = var.name
  description        = "Role of the LambdaRegistrator function ${var.name}."
  assume_role_policy = data.aws_iam_policy_document.assume_role.json
  tags               = var.tags
}

locals {
  ssm_parameter_arn_prefix = "arn:${local.partition}:ssm:${local.region}:${local.account}:parameter"
  # Parameter names start with "/", so the ARN is the prefix followed by the name.
  secret_parameter_arns = [
    for path in [local.token_path, local.ca_cert_path] : "${local.ssm_parameter_arn_prefix}${path}" if path != ""
  ]
  extension_data_arns = local.extension_data_prefix == "" ? [] : ["${local.ssm_parameter_arn_prefix}${local.extension_data_prefix}/*"]
  function_arns       = "arn:${local.partition}:lambda:${local.region}:${local.account}:function:*"
  log_group_arn       = "arn:${local.partition}:logs:${local.region}:${local.account}:log-group:${aws_cloudwatch_log_group.this.name}"
}

data "aws_iam_policy_document" "this" {
  # ListFunctions and GetResources do not support resource-level permissions.
  statement {
    sid       = "InventoryFunctions"
    actions   = ["lambda:ListFunctions", "tag:GetResources"]
    resources = ["*"]
  }

  # Why ListTags: GetFunction returns a function's tags only with this permission. Without it the Go module's
  # registrator saw every function as untagged and deregistered everything.
  statement {
    sid       = "ReadFunctions"
    actions   = ["lambda:GetFunction", "lambda:ListTags", "lambda:ListAliases"]
    resources = [local.function_arns]
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
  name   = "${var.name}-registrator"
  role   = aws_iam_role.this.name
  policy = data.aws_iam_policy_document.this.json
}
