# Validation: bad inputs are rejected at plan time with a message naming the input.

mock_provider "aws" {
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_data "aws_region" {
    defaults = { id = "eu-west-1", name = "eu-west-1" }
  }
  mock_data "aws_caller_identity" {
    defaults = { account_id = "123456789012" }
  }
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
  }
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

run "address_without_scheme_is_rejected" {
  command = plan

  variables {
    consul_http_addr = "consul.example.com:8501"
  }

  expect_failures = [var.consul_http_addr]
}

run "address_with_other_scheme_is_rejected" {
  command = plan

  variables {
    consul_http_addr = "tcp://consul.example.com:8500"
  }

  expect_failures = [var.consul_http_addr]
}

run "unknown_arch_is_rejected" {
  command = plan

  variables {
    arch = "amd64"
  }

  expect_failures = [var.arch]
}

run "unsupported_runtime_is_rejected" {
  command = plan

  variables {
    runtime = "dotnet8"
  }

  expect_failures = [var.runtime]
}

run "zero_sync_frequency_is_rejected" {
  command = plan

  variables {
    sync_frequency_in_minutes = 0
  }

  expect_failures = [var.sync_frequency_in_minutes]
}

run "fractional_sync_frequency_is_rejected" {
  command = plan

  variables {
    sync_frequency_in_minutes = 2.5
  }

  expect_failures = [var.sync_frequency_in_minutes]
}

run "relative_token_path_is_rejected" {
  command = plan

  variables {
    consul_http_token_path = "consul/token"
  }

  expect_failures = [var.consul_http_token_path]
}

run "relative_ca_cert_path_is_rejected" {
  command = plan

  variables {
    consul_ca_cert_path = "consul-ca"
  }

  expect_failures = [var.consul_ca_cert_path]
}

run "relative_extension_prefix_is_rejected" {
  command = plan

  variables {
    consul_extension_data_prefix = "consul/extension"
  }

  expect_failures = [var.consul_extension_data_prefix]
}

run "extension_prefix_with_trailing_slash_is_rejected" {
  command = plan

  variables {
    consul_extension_data_prefix = "/consul/extension/"
  }

  expect_failures = [var.consul_extension_data_prefix]
}

run "unknown_extension_tier_is_rejected" {
  command = plan

  variables {
    consul_extension_data_tier = "advanced"
  }

  expect_failures = [var.consul_extension_data_tier]
}

run "unknown_inventory_strategy_is_rejected" {
  command = plan

  variables {
    inventory_strategy = "scan"
  }

  expect_failures = [var.inventory_strategy]
}

run "unknown_service_defaults_format_is_rejected" {
  command = plan

  variables {
    service_defaults_format = "json"
  }

  expect_failures = [var.service_defaults_format]
}

run "unknown_log_level_is_rejected" {
  command = plan

  variables {
    log_level = "verbose"
  }

  expect_failures = [var.log_level]
}

run "page_size_above_fifty_is_rejected" {
  command = plan

  variables {
    page_size = 51
  }

  expect_failures = [var.page_size]
}

run "page_size_zero_is_rejected" {
  command = plan

  variables {
    page_size = 0
  }

  expect_failures = [var.page_size]
}

run "name_with_invalid_characters_is_rejected" {
  command = plan

  variables {
    name = "lambda registrator"
  }

  expect_failures = [var.name]
}

run "name_too_long_for_rule_names_is_rejected" {
  command = plan

  variables {
    name = "a123456789b123456789c123456789d123456789e123456789f1234567"
  }

  expect_failures = [var.name]
}

run "timeout_above_lambda_maximum_is_rejected" {
  command = plan

  variables {
    timeout = 901
  }

  expect_failures = [var.timeout]
}

run "memory_below_lambda_minimum_is_rejected" {
  command = plan

  variables {
    memory_size = 64
  }

  expect_failures = [var.memory_size]
}

run "reserved_concurrency_below_minus_one_is_rejected" {
  command = plan

  variables {
    reserved_concurrent_executions = -2
  }

  expect_failures = [var.reserved_concurrent_executions]
}

run "unsupported_log_retention_is_rejected" {
  command = plan

  variables {
    log_retention_in_days = 2
  }

  expect_failures = [var.log_retention_in_days]
}

run "partition_name_with_comma_is_rejected" {
  command = plan

  variables {
    enterprise = true
    partitions = ["a,b"]
  }

  expect_failures = [var.partitions]
}

run "environment_overriding_a_module_variable_is_rejected" {
  command = plan

  variables {
    environment = { DATACENTER = "dc9" }
  }

  expect_failures = [var.environment]
}

run "registrator_id_with_spaces_is_rejected" {
  command = plan

  variables {
    registrator_id = "prod eu"
  }

  expect_failures = [var.registrator_id]
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
