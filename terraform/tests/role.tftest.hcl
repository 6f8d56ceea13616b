# The function's role (created or brought along), tracing, encryption, Lambda's log settings, and which package
# runs on which runtime and architecture.

mock_provider "aws" {
  # Shared mock data and ARNs: tests/mocks/aws.tfmock.hcl.
  source = "./tests/mocks"
}

variables {
  name             = "lambda-registrator"
  consul_http_addr = "https://consul.example.com:8501"
  package_path     = "tests/fixtures/fake-package.zip"
}

# --- Role ----------------------------------------------------------------------------------------------------

run "a_created_role_can_be_bounded_pathed_and_tagged" {
  command = plan

  variables {
    role_permissions_boundary = "arn:aws:iam::123456789012:policy/developer-boundary"
    role_path                 = "/platform/"
    role_tags                 = { cost-center = "42" }
    tags                      = { team = "platform" }
  }

  assert {
    condition     = aws_iam_role.this[0].permissions_boundary == "arn:aws:iam::123456789012:policy/developer-boundary"
    error_message = "The boundary must be set on the role."
  }
  assert {
    condition     = aws_iam_role.this[0].path == "/platform/"
    error_message = "The path must be set on the role."
  }
  assert {
    condition     = aws_iam_role.this[0].tags == tomap({ team = "platform", cost-center = "42" })
    error_message = "The role gets tags and role_tags."
  }
  assert {
    condition     = aws_lambda_function.this.tags == tomap({ team = "platform" })
    error_message = "role_tags are for the role only."
  }
}

run "a_brought_role_is_used_as_is_and_nothing_is_attached_to_it" {
  command = plan

  variables {
    create_role = false
    role_arn    = "arn:aws:iam::123456789012:role/platform/registrator-runtime"
  }

  assert {
    condition     = length(aws_iam_role.this) == 0 && length(aws_iam_role_policy.this) == 0
    error_message = "With create_role = false no role and no policy may be created."
  }
  assert {
    condition     = aws_lambda_function.this.role == "arn:aws:iam::123456789012:role/platform/registrator-runtime"
    error_message = "The function must run as the given role."
  }
  assert {
    condition     = output.role_arn == "arn:aws:iam::123456789012:role/platform/registrator-runtime" && output.role_name == "registrator-runtime"
    error_message = "The outputs name the given role (its name is the ARN's last segment), got ${output.role_name}."
  }
  assert {
    condition     = toset([for s in data.aws_iam_policy_document.this.statement : s.sid]) == toset(["InventoryFunctions", "ReadFunctions", "WriteOwnLogs", "SendFailedInvocations"])
    error_message = "The policy the given role needs must still be computed, for the role_policy_json output."
  }
}

run "no_role_and_no_role_arn_is_rejected" {
  command = plan

  variables {
    create_role = false
  }

  expect_failures = [aws_lambda_function.this]
}

run "a_role_arn_with_a_created_role_is_rejected" {
  command = plan

  variables {
    role_arn = "arn:aws:iam::123456789012:role/registrator-runtime"
  }

  expect_failures = [aws_lambda_function.this]
}

run "role_inputs_reject_malformed_values" {
  command = plan

  variables {
    role_arn                  = "arn:aws:iam::123456789012:policy/not-a-role"
    role_path                 = "platform"
    role_permissions_boundary = "boundary"
  }

  expect_failures = [var.role_arn, var.role_path, var.role_permissions_boundary]
}

# --- Tracing and encryption ----------------------------------------------------------------------------------

run "no_tracing_by_default" {
  command = plan

  assert {
    condition     = length(aws_lambda_function.this.tracing_config) == 0 || try(aws_lambda_function.this.tracing_config[0].mode, null) == null
    error_message = "Without tracing_mode the module sets no tracing."
  }
  assert {
    condition     = length([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "WriteTraces"]) == 0
    error_message = "Without tracing no X-Ray permission."
  }
}

run "active_tracing_is_configured_and_may_write_traces" {
  command = plan

  variables {
    tracing_mode = "Active"
  }

  assert {
    condition     = aws_lambda_function.this.tracing_config[0].mode == "Active"
    error_message = "tracing_mode must reach the function."
  }
  assert {
    condition     = one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "WriteTraces"]).actions == toset(["xray:PutTraceSegments", "xray:PutTelemetryRecords"])
    error_message = "Tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords."
  }
}

run "a_kms_key_encrypts_the_environment_and_the_log_group" {
  command = plan

  variables {
    kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }

  assert {
    condition     = aws_lambda_function.this.kms_key_arn == "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" && aws_cloudwatch_log_group.this.kms_key_id == "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    error_message = "kms_key_arn must encrypt both the environment and the log group."
  }
}

run "tracing_and_key_inputs_reject_malformed_values" {
  command = plan

  variables {
    tracing_mode = "active"
    kms_key_arn  = "arn:aws:kms:eu-west-1:123456789012:alias/registrator"
  }

  expect_failures = [var.tracing_mode, var.kms_key_arn]
}

# --- Lambda's log settings -----------------------------------------------------------------------------------

run "json_logs_keep_info_lines_by_default" {
  command = plan

  assert {
    condition = alltrue([
      aws_lambda_function.this.logging_config[0].log_format == "JSON",
      aws_lambda_function.this.logging_config[0].log_group == "/aws/lambda/lambda-registrator",
      aws_lambda_function.this.logging_config[0].application_log_level == "INFO",
      aws_lambda_function.this.logging_config[0].system_log_level == "INFO",
    ])
    error_message = "Default logging: JSON into the module's log group, application and system lines from INFO."
  }
}

run "the_application_level_follows_log_level" {
  command = plan

  variables {
    log_level = "debug"
  }

  assert {
    condition     = aws_lambda_function.this.logging_config[0].application_log_level == "DEBUG"
    error_message = "With LOG_LEVEL debug Lambda must keep debug lines."
  }
}

run "a_quiet_log_level_still_keeps_the_metric_records" {
  command = plan

  variables {
    log_level = "warn"
  }

  assert {
    condition     = aws_lambda_function.this.logging_config[0].application_log_level == "INFO"
    error_message = "While metrics are on, Lambda must keep info lines (the metric records), got ${aws_lambda_function.this.logging_config[0].application_log_level}."
  }
}

run "without_metrics_a_quiet_log_level_filters_at_lambda_too" {
  command = plan

  variables {
    log_level       = "error"
    metrics_enabled = false
  }

  assert {
    condition     = aws_lambda_function.this.logging_config[0].application_log_level == "ERROR"
    error_message = "Without metrics the application level is log_level's."
  }
}

run "explicit_levels_are_passed_through" {
  command = plan

  variables {
    application_log_level = "TRACE"
    system_log_level      = "WARN"
  }

  assert {
    condition     = aws_lambda_function.this.logging_config[0].application_log_level == "TRACE" && aws_lambda_function.this.logging_config[0].system_log_level == "WARN"
    error_message = "application_log_level and system_log_level must reach the logging configuration."
  }
}

run "text_logs_have_no_levels" {
  command = plan

  variables {
    log_format = "Text"
  }

  assert {
    condition     = aws_lambda_function.this.logging_config[0].log_format == "Text" && aws_lambda_function.this.logging_config[0].application_log_level == null && aws_lambda_function.this.logging_config[0].system_log_level == null
    error_message = "Lambda filters levels only in JSON, so Text sets none."
  }
}

run "levels_with_text_logs_are_rejected" {
  command = plan

  variables {
    log_format       = "Text"
    system_log_level = "WARN"
  }

  expect_failures = [aws_lambda_function.this]
}

run "a_level_that_would_drop_the_metric_records_is_rejected" {
  command = plan

  variables {
    application_log_level = "WARN"
  }

  expect_failures = [aws_lambda_function.this]
}

run "log_inputs_reject_values_outside_their_domain" {
  command = plan

  variables {
    log_format            = "json"
    application_log_level = "info"
    system_log_level      = "ERROR" # Lambda's system logs stop at WARN
  }

  expect_failures = [var.log_format, var.application_log_level, var.system_log_level]
}

# --- Which package runs where --------------------------------------------------------------------------------

run "the_arm64_package_runs_on_arm64" {
  command = plan

  variables {
    package_path = null
    s3_bucket    = "artifacts"
    s3_key       = "builds/lambda-registrator-provided.al2023-arm64.zip"
    arch         = "arm64"
  }

  assert {
    condition     = aws_lambda_function.this.architectures == tolist(["arm64"]) && aws_lambda_function.this.handler == "bootstrap"
    error_message = "The arm64 provided.al2023 package deploys as arm64 with handler bootstrap."
  }
}

run "the_arm64_package_on_x86_64_is_rejected" {
  command = plan

  variables {
    package_path = null
    s3_bucket    = "artifacts"
    s3_key       = "builds/lambda-registrator-provided.al2023-arm64.zip"
  }

  expect_failures = [aws_lambda_function.this]
}

run "the_x86_64_package_on_arm64_is_rejected" {
  command = plan

  variables {
    package_path = null
    s3_bucket    = "artifacts"
    s3_key       = "lambda-registrator-provided.al2023-x86_64.zip"
    arch         = "arm64"
  }

  expect_failures = [aws_lambda_function.this]
}

run "a_native_package_as_dotnet10_is_rejected" {
  command = plan

  variables {
    package_path = null
    s3_bucket    = "artifacts"
    s3_key       = "lambda-registrator-provided.al2023-x86_64.zip"
    runtime      = "dotnet10"
  }

  expect_failures = [aws_lambda_function.this]
}

# Why a table check and not a dotnet10 plan: the offline provider (5.100) predates dotnet10 and rejects the
# runtime before any precondition runs.
run "the_managed_package_fits_either_architecture" {
  command = plan

  assert {
    condition     = local.packages["lambda-registrator-dotnet10.zip"].runtime == "dotnet10" && toset(local.packages["lambda-registrator-dotnet10.zip"].archs) == toset(["x86_64", "arm64"])
    error_message = "lambda-registrator-dotnet10.zip runs as dotnet10 on arm64 as on x86_64."
  }
}
