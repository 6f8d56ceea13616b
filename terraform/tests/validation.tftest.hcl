# Validation: bad inputs are rejected at plan time with a message naming the input.
# Variable rules are independent, so one run can break several inputs at once: expect_failures fails the run
# if any listed input is accepted. Preconditions share one checkable object (the function), so each has its own run.

mock_provider "aws" {
  # Shared mock data: tests/mocks/aws.tfmock.hcl.
  source = "./tests/mocks"
}

variables {
  name             = "lambda-registrator"
  consul_http_addr = "https://consul.example.com:8501"
  package_path     = "tests/fixtures/fake-package.zip"
}

# The baseline the failing cases below depart from must itself be valid, else they prove nothing.
run "baseline_is_valid" {
  command = plan
}

run "consul_connection_inputs_reject_malformed_values" {
  command = plan

  variables {
    consul_http_addr             = "consul.example.com:8501" # no scheme
    consul_http_token_path       = "consul/token"            # SSM names must start with /
    consul_ca_cert_path          = "consul-ca"
    consul_extension_data_prefix = "consul/extension"
    consul_extension_data_tier   = "advanced" # values are case-sensitive
    registrator_id               = "prod eu"
    enterprise                   = true
    partitions                   = ["a,b"] # would corrupt the comma-separated PARTITIONS
  }

  expect_failures = [
    var.consul_http_addr,
    var.consul_http_token_path,
    var.consul_ca_cert_path,
    var.consul_extension_data_prefix,
    var.consul_extension_data_tier,
    var.registrator_id,
    var.partitions,
  ]
}

run "consul_connection_inputs_reject_near_misses" {
  command = plan

  variables {
    consul_http_addr             = "tcp://consul.example.com:8500"
    consul_extension_data_prefix = "/consul/extension/" # would make parameter ARNs with "//"
  }

  expect_failures = [
    var.consul_http_addr,
    var.consul_extension_data_prefix,
  ]
}

run "behaviour_inputs_reject_values_outside_their_domain" {
  command = plan

  variables {
    arch                      = "amd64"
    runtime                   = "dotnet8"
    sync_frequency_in_minutes = 0
    inventory_strategy        = "scan"
    service_defaults_format   = "json"
    log_level                 = "verbose"
    page_size                 = 51 # ListFunctions pages hold at most 50
  }

  expect_failures = [
    var.arch,
    var.runtime,
    var.sync_frequency_in_minutes,
    var.inventory_strategy,
    var.service_defaults_format,
    var.log_level,
    var.page_size,
  ]
}

run "numeric_inputs_reject_fractions_and_zero" {
  command = plan

  variables {
    sync_frequency_in_minutes = 2.5
    page_size                 = 0
  }

  expect_failures = [
    var.sync_frequency_in_minutes,
    var.page_size,
  ]
}

run "function_inputs_reject_values_lambda_would_refuse" {
  command = plan

  variables {
    name                           = "lambda registrator"
    timeout                        = 901
    memory_size                    = 64
    reserved_concurrent_executions = -2
    log_retention_in_days          = 2
  }

  expect_failures = [
    var.name,
    var.timeout,
    var.memory_size,
    var.reserved_concurrent_executions,
    var.log_retention_in_days,
  ]
}

run "environment_must_not_set_what_a_module_variable_sets" {
  command = plan

  variables {
    environment = { DATACENTER = "dc9" } # must come from consul_datacenter
  }

  expect_failures = [aws_lambda_function.this]
}

run "environment_must_not_set_the_newer_module_variables_either" {
  command = plan

  variables {
    environment = { SOURCES = "[]", METRICS_NAMESPACE = "Other", POWERTOOLS_SERVICE_NAME = "x" }
  }

  expect_failures = [aws_lambda_function.this]
}

run "name_too_long_for_rule_names_is_rejected" {
  command = plan

  variables {
    name = "a123456789b123456789c123456789d123456789e123456789f1234567"
  }

  expect_failures = [var.name]
}

run "no_package_source_is_rejected" {
  command = plan

  variables {
    package_path = null
  }

  expect_failures = [aws_lambda_function.this]
}

run "both_package_sources_are_rejected" {
  command = plan

  variables {
    s3_bucket = "bucket"
    s3_key    = "key.zip"
  }

  expect_failures = [aws_lambda_function.this]
}

run "s3_bucket_without_key_is_rejected" {
  command = plan

  variables {
    package_path = null
    s3_bucket    = "bucket"
  }

  expect_failures = [aws_lambda_function.this]
}

run "missing_package_file_is_rejected" {
  command = plan

  variables {
    package_path = "tests/fixtures/no-such-package.zip"
  }

  expect_failures = [aws_lambda_function.this]
}

run "subnets_without_security_groups_are_rejected" {
  command = plan

  variables {
    subnet_ids = ["subnet-1"]
  }

  expect_failures = [aws_lambda_function.this]
}

run "partitions_without_enterprise_are_rejected" {
  command = plan

  variables {
    partitions = ["team-a"]
  }

  expect_failures = [aws_lambda_function.this]
}
