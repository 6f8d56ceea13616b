locals {
  package_name = var.runtime == "dotnet10" ? "lambda-registrator-dotnet10.zip" : "lambda-registrator-${var.runtime}-${var.arch}.zip"
  # The repository's artifacts/ directory, three levels above this example.
  package_path = var.package_path != null ? var.package_path : "${path.module}/../../../artifacts/${local.package_name}"

  tag_prefix = "serverless.consul.hashicorp.com/v1alpha1/lambda/"
}

# --- Consul credentials, read by the registrator at cold start ---------------------------------------

resource "aws_ssm_parameter" "consul_http_token" {
  # Why nonsensitive: only whether a token was given decides the count, never the token itself.
  count       = nonsensitive(var.consul_http_token != null) ? 1 : 0
  name        = "/${var.name}/consul-http-token"
  description = "Consul ACL token of ${var.name}."
  type        = "SecureString"
  value       = var.consul_http_token
  tags        = var.tags
}

resource "aws_ssm_parameter" "consul_ca_cert" {
  count       = var.consul_ca_cert_pem != null ? 1 : 0
  name        = "/${var.name}/consul-ca-cert"
  description = "CA certificate of Consul's HTTPS listener, for ${var.name}."
  type        = "SecureString"
  value       = var.consul_ca_cert_pem
  tags        = var.tags
}

# --- The registrator -----------------------------------------------------------------------------------

module "lambda_registrator" {
  source = "../.."

  name         = var.name
  package_path = local.package_path
  runtime      = var.runtime
  arch         = var.arch

  consul_http_addr             = var.consul_http_addr
  consul_datacenter            = var.consul_datacenter
  consul_http_token_path       = one(aws_ssm_parameter.consul_http_token[*].name)
  consul_ca_cert_path          = one(aws_ssm_parameter.consul_ca_cert[*].name)
  consul_extension_data_prefix = "/${var.name}/extension-data"

  sync_frequency_in_minutes = 5
  log_retention_in_days     = 14

  # Mesh wiring, with a gateway: the Lambda services are added to (and removed from) the gateway's entry and
  # exported to the consumers, next to whatever else those shared entries hold.
  terminating_gateway    = var.terminating_gateway
  export_to              = var.export_to
  create_gateway_entries = var.create_gateway_entries

  # Failed invocations and undelivered events are kept in <name>-failures and <name>-dlq (the module's defaults);
  # with alarms, a topic <name>-alarms gets every alarm and the dashboard <name> draws the metrics.
  create_alarm_topic = var.alarms
  create_dashboard   = var.alarms

  tracing_mode              = var.tracing_mode
  create_role               = var.role_arn == null
  role_arn                  = var.role_arn
  role_permissions_boundary = var.role_permissions_boundary

  tags = var.tags
}

# --- A function opted in to registration, with aliases ------------------------------------------------

data "aws_iam_policy_document" "sample_assume_role" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "sample" {
  name               = "${var.sample_function_name}-role"
  assume_role_policy = data.aws_iam_policy_document.sample_assume_role.json
  tags               = var.tags
}

resource "aws_lambda_function" "sample" {
  function_name    = var.sample_function_name
  description      = "Echo function registered in Consul by ${var.name}."
  role             = aws_iam_role.sample.arn
  runtime          = "python3.12"
  handler          = "index.handler"
  filename         = "${path.module}/sample-function/sample-function.zip"
  source_code_hash = filebase64sha256("${path.module}/sample-function/sample-function.zip")
  publish          = true

  tags = merge(var.tags, {
    "${local.tag_prefix}enabled"             = "true"
    "${local.tag_prefix}payload-passthrough" = "false"
    "${local.tag_prefix}invocation-mode"     = "SYNCHRONOUS"
    # Tag values cannot hold commas, so aliases are separated by "+".
    "${local.tag_prefix}aliases" = join("+", var.sample_function_aliases)
    }, var.consul_datacenter == null ? {} : {
    "${local.tag_prefix}datacenter" = var.consul_datacenter
  })

  # Created after the registrator so the CloudTrail events of its creation already reach it.
  depends_on = [module.lambda_registrator]
}

resource "aws_lambda_alias" "sample" {
  for_each         = toset(var.sample_function_aliases)
  name             = each.key
  function_name    = aws_lambda_function.sample.function_name
  function_version = aws_lambda_function.sample.version
}
