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
  # The file names ./scripts/package.sh gives its packages, and what each runs on. A package of another name is
  # deployed as given; one of these names must match runtime and arch, so an arm64 build never lands on x86_64.
  packages = {
    "lambda-registrator-provided.al2023-x86_64.zip" = { runtime = "provided.al2023", archs = ["x86_64"] }
    "lambda-registrator-provided.al2023-arm64.zip"  = { runtime = "provided.al2023", archs = ["arm64"] }
    "lambda-registrator-dotnet10.zip"               = { runtime = "dotnet10", archs = ["x86_64", "arm64"] }
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
  package_file   = local.from_file ? basename(var.package_path) : (local.from_s3 ? basename(var.s3_key) : "")
  package_fits = !contains(keys(local.packages), local.package_file) || (
    lookup(local.packages, local.package_file, { runtime = "", archs = [] }).runtime == var.runtime &&
    contains(lookup(local.packages, local.package_file, { runtime = "", archs = [] }).archs, var.arch)
  )

  gateway_wiring = (var.terminating_gateway != null && var.terminating_gateway != "") || length(var.export_to) > 0
  # Consumers that exist only in Consul Enterprise (admin partitions and sameness groups).
  enterprise_consumers = [for c in var.export_to : c if startswith(c, "partition:") || startswith(c, "sameness-group:")]

  # Every variable the function may get; null or "" means "not set", and those are dropped below so the
  # function sees its own documented default.
  candidate_environment = {
    CONSUL_HTTP_ADDR             = var.consul_http_addr
    DATACENTER                   = var.consul_datacenter
    CONSUL_PRIMARY_DATACENTER    = var.consul_primary_datacenter
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
    ADOPT_UNOWNED_SERVICES       = tostring(var.adopt_unowned_services)
    SWEEP_PERIOD_MINUTES         = var.sweep_period_minutes == null ? null : tostring(var.sweep_period_minutes)
    SWEEP_QUOTA_PERCENT          = var.sweep_quota_percent == null ? null : tostring(var.sweep_quota_percent)
    SOURCES                      = length(var.sources) == 0 ? null : jsonencode(local.sources)
    FUNCTION_INCLUDE             = join(",", var.function_include)
    FUNCTION_EXCLUDE             = join(",", var.function_exclude)
    TERMINATING_GATEWAY          = var.terminating_gateway
    EXPORT_TO                    = join(",", var.export_to)
    # Only with something to wire: on its own the flag would mean nothing.
    CREATE_GATEWAY_ENTRIES  = local.gateway_wiring ? tostring(var.create_gateway_entries) : null
    METRICS_ENABLED         = tostring(var.metrics_enabled)
    METRICS_NAMESPACE       = var.metrics_namespace
    POWERTOOLS_SERVICE_NAME = var.name
    # The default REGISTRATOR_ID is <account>/<region>; the managed dotnet10 handler is not told its invoked
    # function ARN, so the account is passed explicitly (harmless and explicit for provided.al2023 too).
    AWS_ACCOUNT_ID = local.account
  }
  # The managed runtime gives the handler no deadline; it budgets the function's timeout itself.
  managed_runtime_environment = {
    INVOCATION_TIMEOUT_SECONDS = tostring(var.timeout)
  }
  # The variables `environment` may not set: every one the module sets from its own inputs.
  module_environment_names = concat(keys(local.candidate_environment), keys(local.managed_runtime_environment))
  environment_overlap      = sort(setintersection(keys(var.environment), local.module_environment_names))
  function_environment = merge(
    var.environment,
    { for k, v in local.candidate_environment : k => v if v != null && v != "" },
    var.runtime == "dotnet10" ? local.managed_runtime_environment : {},
  )

  # Lambda's log levels for LOG_LEVEL's values. The metric record is an info line without a level Lambda could
  # filter on (it counts as INFO), so while metrics are on Lambda never drops info lines.
  lambda_log_levels = { trace = "TRACE", debug = "DEBUG", info = "INFO", warn = "WARN", error = "ERROR" }
  derived_application_log_level = (
    var.metrics_enabled && contains(["warn", "error"], var.log_level) ? "INFO" : local.lambda_log_levels[var.log_level]
  )
  application_log_level = var.log_format != "JSON" ? null : coalesce(var.application_log_level, local.derived_application_log_level)
  system_log_level      = var.log_format != "JSON" ? null : coalesce(var.system_log_level, "INFO")
}

resource "aws_lambda_function" "this" {
  function_name = var.name
  description   = "Keeps tagged Lambda functions registered in Consul (LambdaRegistrator)."
  role          = local.role_arn
  runtime       = var.runtime
  handler       = local.handlers[var.runtime]
  architectures = [var.arch]
  timeout       = var.timeout
  memory_size   = var.memory_size
  publish       = false
  kms_key_arn   = var.kms_key_arn

  reserved_concurrent_executions = var.reserved_concurrent_executions

  filename          = local.from_file ? var.package_path : null
  source_code_hash  = local.from_file && local.package_exists ? filebase64sha256(var.package_path) : null
  s3_bucket         = local.from_file ? null : var.s3_bucket
  s3_key            = local.from_file ? null : var.s3_key
  s3_object_version = local.from_file ? null : var.s3_object_version

  environment {
    variables = local.function_environment
  }

  logging_config {
    log_format            = var.log_format
    log_group             = aws_cloudwatch_log_group.this.name
    application_log_level = local.application_log_level
    system_log_level      = local.system_log_level
  }

  dynamic "tracing_config" {
    for_each = var.tracing_mode == null ? [] : [var.tracing_mode]
    content {
      mode = tracing_config.value
    }
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
      condition     = local.package_fits
      error_message = "The package ${local.package_file} does not run as runtime = \"${var.runtime}\", arch = \"${var.arch}\": lambda-registrator-provided.al2023-x86_64.zip is provided.al2023 on x86_64, lambda-registrator-provided.al2023-arm64.zip is provided.al2023 on arm64, lambda-registrator-dotnet10.zip is dotnet10 on either."
    }
    precondition {
      condition     = var.create_role != (var.role_arn != null)
      error_message = "Set role_arn exactly when create_role is false: the function runs either as the role the module creates or as the one you give."
    }
    precondition {
      condition     = !local.on_vpc || length(var.security_group_ids) > 0
      error_message = "subnet_ids is set but security_group_ids is empty: Lambda needs at least one security group to run in a VPC."
    }
    precondition {
      condition     = length(var.partitions) == 0 || var.enterprise
      error_message = "partitions is set but enterprise is false: admin partitions exist only in Consul Enterprise; set enterprise = true or remove partitions."
    }
    precondition {
      condition     = length(local.enterprise_consumers) == 0 || var.enterprise
      error_message = "export_to lists ${join(", ", local.enterprise_consumers)} but enterprise is false: partition and sameness-group consumers exist only in Consul Enterprise; use peer:<name> or set enterprise = true."
    }
    precondition {
      condition     = !var.create_gateway_entries || local.gateway_wiring
      error_message = "create_gateway_entries is true but neither terminating_gateway nor export_to is set: there is no entry to create."
    }
    precondition {
      condition     = length(local.environment_overlap) == 0
      error_message = "environment sets ${join(", ", local.environment_overlap)}, which the module sets from its own inputs: use the matching module variable (the inputs table of the module's README names it)."
    }
    precondition {
      condition     = length(local.source_keys) == length(distinct(local.source_keys))
      error_message = "sources name one account and region twice (a role in the registrator's own account counts as that account): ${join(", ", local.source_keys)}."
    }
    precondition {
      condition     = var.log_format == "JSON" || (var.application_log_level == null && var.system_log_level == null)
      error_message = "application_log_level and system_log_level need log_format = \"JSON\": Lambda filters log levels only in the JSON format."
    }
    precondition {
      condition     = !var.metrics_enabled || !contains(["WARN", "ERROR", "FATAL"], coalesce(local.application_log_level, "INFO"))
      error_message = "application_log_level ${coalesce(local.application_log_level, "INFO")} would drop the metric records (Lambda counts them as INFO lines): use INFO or lower, or set metrics_enabled = false."
    }
  }

  # The log group must exist first (else Lambda creates one without retention), and the role must hold its
  # permissions before the first invocation; VPC functions are also checked for ENI permissions on create.
  depends_on = [
    aws_cloudwatch_log_group.this,
    aws_iam_role_policy.this,
  ]
}

# Why a separate resource: EventBridge invokes the function asynchronously, and without this Lambda drops an event
# after two failed retries with no trace. Here every event Lambda gives up on lands in the failure destination.
resource "aws_lambda_function_event_invoke_config" "this" {
  function_name                = aws_lambda_function.this.function_name
  maximum_retry_attempts       = var.maximum_retry_attempts
  maximum_event_age_in_seconds = var.maximum_event_age_in_seconds

  dynamic "destination_config" {
    for_each = local.has_failure_destination ? [1] : []
    content {
      on_failure {
        destination = local.failure_destination_arn
      }
    }
  }

  # Lambda checks that the function's role may send to the destination when the configuration is written.
  depends_on = [aws_iam_role_policy.this]
}
