# What the function gets: package, runtime, handler and the environment each variable turns into.

mock_provider "aws" {
  # Shared mock data: tests/mocks/aws.tfmock.hcl.
  source = "./tests/mocks"
}

variables {
  name             = "lambda-registrator"
  consul_http_addr = "https://consul.example.com:8501"
  package_path     = "tests/fixtures/fake-package.zip"
}

run "defaults_set_only_the_required_and_defaulted_variables" {
  command = plan

  assert {
    condition = aws_lambda_function.this.environment[0].variables == tomap({
      CONSUL_HTTP_ADDR = "https://consul.example.com:8501"
      NODE_NAME        = "lambdas"
      ENTERPRISE       = "false"
      LOG_LEVEL        = "info"
      AWS_ACCOUNT_ID   = "123456789012"
      # Written although they are the function's defaults: the alarms and the log records rely on them.
      METRICS_ENABLED         = "true"
      METRICS_NAMESPACE       = "LambdaRegistrator"
      POWERTOOLS_SERVICE_NAME = "lambda-registrator"
      ADOPT_UNOWNED_SERVICES  = "false"
    })
    error_message = "Unexpected default environment: ${jsonencode(aws_lambda_function.this.environment[0].variables)}"
  }
  assert {
    condition     = aws_lambda_function.this.runtime == "provided.al2023" && aws_lambda_function.this.handler == "bootstrap"
    error_message = "The default package must run as provided.al2023 with handler bootstrap."
  }
  assert {
    condition     = aws_lambda_function.this.architectures == tolist(["x86_64"])
    error_message = "The default architecture must be x86_64."
  }
  assert {
    condition     = aws_lambda_function.this.timeout == 30 && aws_lambda_function.this.memory_size == 256 && aws_lambda_function.this.reserved_concurrent_executions == -1
    error_message = "Defaults must be timeout 30 s (as the Go module), 256 MB and no reserved concurrency."
  }
  assert {
    condition     = aws_lambda_function.this.filename == "tests/fixtures/fake-package.zip" && aws_lambda_function.this.source_code_hash == filebase64sha256("tests/fixtures/fake-package.zip")
    error_message = "The function must be deployed from package_path with its content hash, so a new build redeploys it."
  }
  assert {
    condition     = aws_lambda_function.this.s3_bucket == null && aws_lambda_function.this.s3_key == null
    error_message = "A package_path deployment must not set S3 fields."
  }
  assert {
    condition     = length(aws_lambda_function.this.vpc_config) == 0
    error_message = "Without subnet_ids the function must not be placed in a VPC."
  }
  assert {
    condition     = aws_cloudwatch_log_group.this.name == "/aws/lambda/lambda-registrator" && aws_cloudwatch_log_group.this.retention_in_days == 30
    error_message = "The log group must be /aws/lambda/<name> with 30 days retention by default."
  }
}

run "every_variable_reaches_its_environment_variable" {
  command = plan

  variables {
    consul_datacenter            = "dc2"
    node_name                    = "serverless"
    enterprise                   = true
    partitions                   = ["default", "team-a", "team-b"]
    log_level                    = "debug"
    page_size                    = 25
    consul_http_token_path       = "/consul/token"
    consul_ca_cert_path          = "/consul/ca"
    consul_tls_server_name       = "server.dc2.consul"
    consul_http_ssl_verify       = false
    consul_extension_data_prefix = "/consul/extension"
    consul_extension_data_tier   = "Advanced"
    registrator_id               = "prod/eu-west-1"
    inventory_strategy           = "list-functions"
    service_defaults_format      = "legacy-meta"
    consul_primary_datacenter    = "dc1"
    adopt_unowned_services       = true
    sweep_period_minutes         = 30
    sweep_quota_percent          = 25
    function_include             = ["orders-*", "billing-?"]
    function_exclude             = ["*-test"]
    terminating_gateway          = "lambda-gateway"
    export_to                    = ["partition:team-a", "peer:dc2-peer", "sameness-group:shared"]
    create_gateway_entries       = true
    metrics_enabled              = false
    metrics_namespace            = "Platform/Registrator"
    environment                  = { MAX_CONCURRENCY = "4", CONSUL_NAMESPACE = "apps" }
  }

  assert {
    condition = aws_lambda_function.this.environment[0].variables == tomap({
      CONSUL_HTTP_ADDR             = "https://consul.example.com:8501"
      AWS_ACCOUNT_ID               = "123456789012"
      DATACENTER                   = "dc2"
      NODE_NAME                    = "serverless"
      ENTERPRISE                   = "true"
      PARTITIONS                   = "default,team-a,team-b"
      LOG_LEVEL                    = "debug"
      PAGE_SIZE                    = "25"
      CONSUL_HTTP_TOKEN_PATH       = "/consul/token"
      CONSUL_CACERT_PATH           = "/consul/ca"
      CONSUL_TLS_SERVER_NAME       = "server.dc2.consul"
      CONSUL_HTTP_SSL_VERIFY       = "false"
      CONSUL_EXTENSION_DATA_PREFIX = "/consul/extension"
      CONSUL_EXTENSION_DATA_TIER   = "Advanced"
      REGISTRATOR_ID               = "prod/eu-west-1"
      INVENTORY_STRATEGY           = "list-functions"
      SERVICE_DEFAULTS_FORMAT      = "legacy-meta"
      CONSUL_PRIMARY_DATACENTER    = "dc1"
      ADOPT_UNOWNED_SERVICES       = "true"
      SWEEP_PERIOD_MINUTES         = "30"
      SWEEP_QUOTA_PERCENT          = "25"
      FUNCTION_INCLUDE             = "orders-*,billing-?"
      FUNCTION_EXCLUDE             = "*-test"
      TERMINATING_GATEWAY          = "lambda-gateway"
      EXPORT_TO                    = "partition:team-a,peer:dc2-peer,sameness-group:shared"
      CREATE_GATEWAY_ENTRIES       = "true"
      METRICS_ENABLED              = "false"
      METRICS_NAMESPACE            = "Platform/Registrator"
      POWERTOOLS_SERVICE_NAME      = "lambda-registrator"
      MAX_CONCURRENCY              = "4"
      CONSUL_NAMESPACE             = "apps"
    })
    error_message = "Unexpected environment: ${jsonencode(aws_lambda_function.this.environment[0].variables)}"
  }
}

run "empty_strings_from_go_module_callers_mean_unset" {
  command = plan

  variables {
    consul_datacenter            = ""
    consul_http_token_path       = ""
    consul_ca_cert_path          = ""
    consul_extension_data_prefix = ""
    consul_extension_data_tier   = ""
    consul_primary_datacenter    = ""
    terminating_gateway          = ""
  }

  assert {
    condition     = length(setintersection(keys(aws_lambda_function.this.environment[0].variables), ["DATACENTER", "CONSUL_HTTP_TOKEN_PATH", "CONSUL_CACERT_PATH", "CONSUL_EXTENSION_DATA_PREFIX", "CONSUL_EXTENSION_DATA_TIER", "CONSUL_PRIMARY_DATACENTER", "TERMINATING_GATEWAY", "CREATE_GATEWAY_ENTRIES", "SOURCES", "FUNCTION_INCLUDE", "FUNCTION_EXCLUDE", "EXPORT_TO"])) == 0
    error_message = "Empty strings must not become empty environment variables: ${jsonencode(aws_lambda_function.this.environment[0].variables)}"
  }
}

# Why not a plan with runtime = "dotnet10": the offline provider mirror holds hashicorp/aws 5.100, whose runtime
# validation predates dotnet10 (known from 6.27.0). The handler table is checked directly; the lookup that
# uses it is covered by the provided.al2023 runs.
run "managed_dotnet10_package_uses_the_class_library_handler" {
  command = plan

  variables {
    arch = "arm64"
  }

  assert {
    condition     = local.handlers["dotnet10"] == "LambdaRegistrator.Function::LambdaRegistrator.Function.FunctionHandler::HandleAsync"
    error_message = "dotnet10 must use the managed handler string, got ${local.handlers["dotnet10"]}."
  }
  assert {
    condition     = local.managed_runtime_environment == { INVOCATION_TIMEOUT_SECONDS = "30" }
    error_message = "The managed runtime must be told the function's timeout, got ${jsonencode(local.managed_runtime_environment)}."
  }
  assert {
    condition     = aws_lambda_function.this.handler == local.handlers[aws_lambda_function.this.runtime]
    error_message = "The handler must follow the runtime."
  }
  assert {
    condition     = aws_lambda_function.this.architectures == tolist(["arm64"])
    error_message = "arch must be passed through."
  }
}

run "s3_package_is_deployed_without_a_local_file" {
  command = plan

  variables {
    package_path      = null
    s3_bucket         = "artifacts-bucket"
    s3_key            = "lambda-registrator/lambda-registrator-provided.al2023-x86_64.zip"
    s3_object_version = "3"
  }

  assert {
    condition     = aws_lambda_function.this.s3_bucket == "artifacts-bucket" && aws_lambda_function.this.s3_key == "lambda-registrator/lambda-registrator-provided.al2023-x86_64.zip" && aws_lambda_function.this.s3_object_version == "3"
    error_message = "The S3 location must be passed through."
  }
  assert {
    condition     = aws_lambda_function.this.filename == null
    error_message = "An S3 deployment must not set filename."
  }
}

run "subnets_place_the_function_in_the_vpc" {
  command = plan

  variables {
    subnet_ids         = ["subnet-1", "subnet-2"]
    security_group_ids = ["sg-1"]
  }

  assert {
    condition     = length(aws_lambda_function.this.vpc_config) == 1 && aws_lambda_function.this.vpc_config[0].subnet_ids == toset(["subnet-1", "subnet-2"]) && aws_lambda_function.this.vpc_config[0].security_group_ids == toset(["sg-1"])
    error_message = "subnet_ids and security_group_ids must become the function's vpc_config."
  }
}

run "tags_reach_every_taggable_resource" {
  command = plan

  variables {
    tags = { team = "platform" }
  }

  assert {
    condition = alltrue([
      aws_lambda_function.this.tags == tomap({ team = "platform" }),
      aws_iam_role.this[0].tags == tomap({ team = "platform" }),
      aws_cloudwatch_log_group.this.tags == tomap({ team = "platform" }),
      aws_cloudwatch_event_rule.events.tags == tomap({ team = "platform" }),
      aws_cloudwatch_event_rule.schedule.tags == tomap({ team = "platform" }),
    ])
    error_message = "tags must be set on the function, role, log group and both rules."
  }
}
