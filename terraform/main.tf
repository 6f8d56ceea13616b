data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  partition = data.aws_partition.current.partition
  # Why `id`: the region name on 5.x and 6.x alike. 6.x prefers the new `region` attribute (and warns that `id`
  # and `name` are deprecated), but 5.x lacks it, and the lower bound keeps 5.x callers working.
  region  = data.aws_region.current.id
  account = data.aws_caller_identity.current.account_id

  # The entry point inside each package that ./scripts/package.sh builds.
  handlers = {
    "provided.al2023" = "bootstrap"
    "dotnet10"        = "LambdaRegistrator.Function::LambdaRegistrator.Function.FunctionHandler::HandleAsync"
  }

  token_path            = var.consul_http_token_path == null ? "" : var.consul_http_token_path
  ca_cert_path          = var.consul_ca_cert_path == null ? "" : var.consul_ca_cert_path
  extension_data_prefix = var.consul_extension_data_prefix == null ? "" : var.consul_extension_data_prefix
  on_vpc                = length(var.subnet_ids) > 0

  from_file = var.package_path != null && var.package_path != ""
  from_s3   = var.s3_bucket != null && var.s3_bucket != "" && var.s3_key != null && var.s3_key != ""
  s3_partly = (var.s3_bucket != null && var.s3_bucket != "") != (var.s3_key != null && var.s3_key != "")
  # Checked in a precondition so a missing package fails with a hint instead of a bare file error.
  package_exists = local.from_file ? fileexists(var.package_path) : false

  # Every variable the function may get; null or "" means "not set", and those are dropped below so the
  # function sees its own documented default.
  candidate_environment = {
    CONSUL_HTTP_ADDR             = var.consul_http_addr
    DATACENTER                   = var.consul_datacenter
    NODE_NAME                    = var.node_name
    ENTERPRISE                   = tostring(var.enterprise)
    PARTITIONS                   = join(",", var.partitions)
    LOG_LEVEL                    = var.log_level
    PAGE_SIZE                    = var.page_size == null ? null : tostring(var.page_size)
    CONSUL_HTTP_TOKEN_PATH       = local.token_path
    CONSUL_CACERT_PATH           = local.ca_cert_path
    CONSUL_TLS_SERVER_NAME       = var.consul_tls_server_name
    CONSUL_HTTP_SSL_VERIFY       = var.consul_http_ssl_verify == null ? null : tostring(var.consul_http_ssl_verify)
    CONSUL_EXTENSION_DATA_PREFIX = local.extension_data_prefix
    CONSUL_EXTENSION_DATA_TIER   = var.consul_extension_data_tier
    REGISTRATOR_ID               = var.registrator_id
    INVENTORY_STRATEGY           = var.inventory_strategy
    SERVICE_DEFAULTS_FORMAT      = var.service_defaults_format
    # The default REGISTRATOR_ID is <account>/<region>; the managed dotnet10 handler is not told its invoked
    # function ARN, so the account is passed explicitly (harmless and explicit for provided.al2023 too).
    AWS_ACCOUNT_ID = local.account
  }
  # The managed runtime gives the handler no deadline; it budgets the function's timeout itself.
  managed_runtime_environment = {
    INVOCATION_TIMEOUT_SECONDS = tostring(var.timeout)
  }
  function_environment = merge(
    var.environment,
    { for k, v in local.candidate_environment : k => v if v != null && v != "" },
    var.runtime == "dotnet10" ? local.managed_runtime_environment : {},
  )
}

resource "aws_lambda_function" "this" {
  function_name = var.name
  description   = "Keeps tagged Lambda functions registered in Consul (LambdaRegistrator)."
  role          = aws_iam_role.this.arn
  runtime       = var.runtime
  handler       = local.handlers[var.runtime]
  architectures = [var.arch]
  timeout       = var.timeout
  memory_size   = var.memory_size
  publish       = false

  reserved_concurrent_executions = var.reserved_concurrent_executions

  filename          = local.from_file ? var.package_path : null
  source_code_hash  = local.from_file && local.package_exists ? filebase64sha256(var.package_path) : null
  s3_bucket         = local.from_file ? null : var.s3_bucket
  s3_key            = local.from_file ? null : var.s3_key
  s3_object_version = local.from_file ? null : var.s3_object_version

  environment {
    variables = local.function_environment
  }

  dynamic "vpc_config" {
    for_each = local.on_vpc ? [1] : []
    content {
      subnet_ids         = var.subnet_ids
      security_group_ids = var.security_group_ids
    }
  }

  tags = var.tags

  lifecycle {
    precondition {
      condition     = !local.s3_partly && local.from_file != local.from_s3
      error_message = "Set exactly one package source: package_path (a zip built by ./scripts/package.sh), or both s3_bucket and s3_key."
    }
    precondition {
      condition     = !local.from_file || local.package_exists
      error_message = "package_path names no file. Build the package with ./scripts/package.sh (it writes artifacts/lambda-registrator-<runtime>[-<arch>].zip) or fix the path."
    }
    precondition {
      condition     = !local.on_vpc || length(var.security_group_ids) > 0
      error_message = "subnet_ids is set but security_group_ids is empty: Lambda needs at least one security group to run in a VPC."
    }
    precondition {
      condition     = length(var.partitions) == 0 || var.enterprise
      error_message = "partitions is set but enterprise is false: admin partitions exist only in Consul Enterprise; set enterprise = true or remove partitions."
    }
  }

  # The log group must exist first (else Lambda creates one without retention), and the role must hold its
  # permissions before the first invocation; VPC functions are also checked for ENI permissions on create.
  depends_on = [
    aws_cloudwatch_log_group.this,
    aws_iam_role_policy.this,
  ]
}
