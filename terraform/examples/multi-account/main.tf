locals {
  package_path = var.package_path != null ? var.package_path : "${path.module}/../../../artifacts/lambda-registrator-provided.al2023-x86_64.zip"
  tag_prefix   = "serverless.consul.hashicorp.com/v1alpha1/lambda/"
}

# --- Central account -------------------------------------------------------------------------------------------

module "lambda_registrator" {
  source = "../.."

  name             = var.name
  package_path     = local.package_path
  consul_http_addr = var.consul_http_addr

  sources = [
    # The central account itself, in its own region, with the registrator's own credentials.
    { regions = [var.region] },
    # The member account in both regions, through the role modules/source-account made there. Its role_arn output
    # is known at plan time, so the module grants the member account events:PutEvents on the bus right away.
    {
      role_arn    = module.member.role_arn
      regions     = [var.region, var.member_second_region]
      external_id = var.external_id
    },
  ]
  # Every member account of sources may put events on the bus (the default); for a whole organization instead:
  # event_source_organization_id = "o-a1b2c3d4e5"

  tags = var.tags
}

# --- Member account, first region: the role the registrator assumes, and event forwarding ----------------------

module "member" {
  source = "../../modules/source-account"
  providers = {
    aws = aws.member
  }

  registrator_role_arn  = module.lambda_registrator.role_arn
  external_id           = var.external_id
  regions               = [var.region, var.member_second_region]
  central_event_bus_arn = module.lambda_registrator.event_bus_arn
  tags                  = var.tags
}

# --- Member account, second region: forwarding only (the role above serves every region) -----------------------

module "member_second_region" {
  source = "../../modules/source-account"
  providers = {
    aws = aws.member_second_region
  }

  create_role           = false
  registrator_role_arn  = module.lambda_registrator.role_arn
  central_event_bus_arn = module.lambda_registrator.event_bus_arn
  tags                  = var.tags
}

# --- A function in the member account, opted in to registration ------------------------------------------------

data "aws_iam_policy_document" "sample_assume_role" {
  provider = aws.member

  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "sample" {
  provider = aws.member

  name               = "${var.sample_function_name}-role"
  assume_role_policy = data.aws_iam_policy_document.sample_assume_role.json
  tags               = var.tags
}

resource "aws_lambda_function" "sample" {
  provider = aws.member

  function_name    = var.sample_function_name
  description      = "Echo function in the member account, registered in Consul by ${var.name} of the central account."
  role             = aws_iam_role.sample.arn
  runtime          = "python3.12"
  handler          = "index.handler"
  filename         = "${path.module}/../complete/sample-function/sample-function.zip"
  source_code_hash = filebase64sha256("${path.module}/../complete/sample-function/sample-function.zip")

  tags = merge(var.tags, {
    "${local.tag_prefix}enabled"         = "true"
    "${local.tag_prefix}invocation-mode" = "SYNCHRONOUS"
  })

  # Created after the forwarding rule, so the CloudTrail event of its creation reaches the registrator.
  depends_on = [module.member]
}
