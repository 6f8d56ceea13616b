# Several accounts and regions: SOURCES as the function reads it, the roles it may assume, the events it accepts
# from member accounts, and the sources rejected before they reach the function.

mock_provider "aws" {
  # Shared mock data and ARNs: tests/mocks/aws.tfmock.hcl (the registrator's account is 123456789012, eu-west-1).
  source = "./tests/mocks"
}

variables {
  name             = "lambda-registrator"
  consul_http_addr = "https://consul.example.com:8501"
  package_path     = "tests/fixtures/fake-package.zip"
}

run "no_sources_means_the_own_account_and_region_as_before" {
  command = plan

  assert {
    condition     = !contains(keys(aws_lambda_function.this.environment[0].variables), "SOURCES")
    error_message = "Without sources the function must not get SOURCES (it then reads its own account and region)."
  }
  assert {
    condition     = length([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "AssumeSourceRoles"]) == 0
    error_message = "Without sources the role must not be allowed to assume any role."
  }
  assert {
    condition     = !contains(keys(jsondecode(aws_cloudwatch_event_rule.events.event_pattern)), "account")
    error_message = "Without sources the events rule must not filter on accounts."
  }
  assert {
    condition     = length(aws_cloudwatch_event_permission.accounts) == 0 && length(aws_cloudwatch_event_permission.organization) == 0
    error_message = "Without sources no other account may put events on the bus."
  }
}

run "sources_reach_the_function_as_snake_case_json_with_only_the_keys_set" {
  command = plan

  variables {
    sources = [
      { regions = ["eu-west-1", "us-east-1"] },
      {
        role_arn    = "arn:aws:iam::111111111111:role/lambda-registrator-source"
        regions     = ["eu-west-1"]
        external_id = "shared-secret-1"
        include     = ["orders-*"]
        exclude     = ["orders-test-*"]
      },
      { role_arn = "arn:aws:iam::222222222222:role/platform/lambda-registrator-source", registrator_id = "team-b/eu-central-1", regions = ["eu-central-1"] },
      # regions omitted: the registrator's own region.
      { role_arn = "arn:aws:iam::333333333333:role/lambda-registrator-source" },
    ]
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables["SOURCES"] == "[{\"regions\":[\"eu-west-1\",\"us-east-1\"]},{\"exclude\":[\"orders-test-*\"],\"external_id\":\"shared-secret-1\",\"include\":[\"orders-*\"],\"regions\":[\"eu-west-1\"],\"role_arn\":\"arn:aws:iam::111111111111:role/lambda-registrator-source\"},{\"regions\":[\"eu-central-1\"],\"registrator_id\":\"team-b/eu-central-1\",\"role_arn\":\"arn:aws:iam::222222222222:role/platform/lambda-registrator-source\"},{\"regions\":[\"eu-west-1\"],\"role_arn\":\"arn:aws:iam::333333333333:role/lambda-registrator-source\"}]"
    error_message = "Unexpected SOURCES: ${aws_lambda_function.this.environment[0].variables["SOURCES"]}"
  }
  assert {
    condition     = output.sources == aws_lambda_function.this.environment[0].variables["SOURCES"]
    error_message = "The sources output must be exactly what the function gets."
  }
  assert {
    condition = one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "AssumeSourceRoles"]).resources == toset([
      "arn:aws:iam::111111111111:role/lambda-registrator-source",
      "arn:aws:iam::222222222222:role/platform/lambda-registrator-source",
      "arn:aws:iam::333333333333:role/lambda-registrator-source",
    ])
    error_message = "The role may assume exactly the listed roles."
  }
  assert {
    condition     = one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "AssumeSourceRoles"]).actions == toset(["sts:AssumeRole"])
    error_message = "Only sts:AssumeRole may be granted on the source roles."
  }
  assert {
    condition = one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "ReadFunctions"]).resources == toset([
      "arn:aws:lambda:eu-west-1:123456789012:function:*",
      "arn:aws:lambda:us-east-1:123456789012:function:*",
    ])
    error_message = "The own account's functions must be readable in exactly its listed regions."
  }
  assert {
    condition     = toset(jsondecode(aws_cloudwatch_event_rule.events.event_pattern).account) == toset(["123456789012", "111111111111", "222222222222", "333333333333"])
    error_message = "The events rule must accept the forwarded events of every source account and of its own, and no other."
  }
  assert {
    condition     = jsondecode(aws_cloudwatch_event_rule.events.event_pattern).detail.eventName == jsondecode(file("cloudtrail-lambda-events.json")).detail.eventName
    error_message = "The rule must keep matching the shared CloudTrail event list."
  }
  assert {
    condition     = toset(keys(aws_cloudwatch_event_permission.accounts)) == toset(["111111111111", "222222222222", "333333333333"])
    error_message = "Every member account must be allowed to put events on the bus, by default."
  }
  assert {
    condition = alltrue([for a, p in aws_cloudwatch_event_permission.accounts :
    p.principal == a && p.action == "events:PutEvents" && p.statement_id == "lambda-registrator-${a}"])
    error_message = "Each member account gets events:PutEvents and nothing else, under a statement id unique to this registrator."
  }
}

run "only_member_roles_means_no_read_permission_in_the_own_account" {
  command = plan

  variables {
    sources = [{ role_arn = "arn:aws:iam::111111111111:role/lambda-registrator-source", regions = ["eu-west-1"] }]
  }

  assert {
    condition     = length([for s in data.aws_iam_policy_document.this.statement : s if contains(["InventoryFunctions", "ReadFunctions"], s.sid)]) == 0
    error_message = "With every source behind a role the registrator's own role must not read functions: the member roles do."
  }
  assert {
    condition     = jsondecode(aws_cloudwatch_event_rule.events.event_pattern).account == ["111111111111"]
    error_message = "Without an own-account source only the member account's events may invoke the function."
  }
}

run "a_role_in_the_own_account_is_not_granted_put_events" {
  command = plan

  variables {
    sources = [{ role_arn = "arn:aws:iam::123456789012:role/registrator-reader", regions = ["us-east-1"] }]
  }

  assert {
    condition     = length(aws_cloudwatch_event_permission.accounts) == 0
    error_message = "The bus's own account needs no permission to put events on it."
  }
}

run "organization_id_grants_the_whole_organization_instead_of_each_account" {
  command = plan

  variables {
    sources                      = [{ role_arn = "arn:aws:iam::111111111111:role/lambda-registrator-source" }]
    event_source_organization_id = "o-a1b2c3d4e5"
  }

  assert {
    condition     = length(aws_cloudwatch_event_permission.accounts) == 0
    error_message = "With an organization id no account is granted one by one, unless listed."
  }
  assert {
    condition = alltrue([
      aws_cloudwatch_event_permission.organization[0].principal == "*",
      aws_cloudwatch_event_permission.organization[0].action == "events:PutEvents",
      aws_cloudwatch_event_permission.organization[0].condition[0].key == "aws:PrincipalOrgID",
      aws_cloudwatch_event_permission.organization[0].condition[0].type == "StringEquals",
      aws_cloudwatch_event_permission.organization[0].condition[0].value == "o-a1b2c3d4e5",
    ])
    error_message = "The organization grant must be limited to principals of that organization."
  }
}

run "listed_accounts_replace_the_derived_ones" {
  command = plan

  variables {
    sources               = [{ role_arn = "arn:aws:iam::111111111111:role/lambda-registrator-source" }]
    event_source_accounts = ["444444444444"]
  }

  assert {
    condition     = toset(keys(aws_cloudwatch_event_permission.accounts)) == toset(["444444444444"])
    error_message = "event_source_accounts must be granted as given."
  }
}

run "function_filters_are_comma_joined" {
  command = plan

  variables {
    function_include = ["orders-*", "billing-*"]
    function_exclude = ["*-canary"]
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables["FUNCTION_INCLUDE"] == "orders-*,billing-*" && aws_lambda_function.this.environment[0].variables["FUNCTION_EXCLUDE"] == "*-canary"
    error_message = "FUNCTION_INCLUDE and FUNCTION_EXCLUDE must be the globs joined with commas."
  }
}

run "globs_with_commas_or_spaces_are_rejected" {
  command = plan

  variables {
    # A comma would split one glob in two in FUNCTION_INCLUDE; function names hold no spaces.
    sources          = [{ role_arn = "arn:aws:iam::444444444444:role/x", include = ["orders,billing"] }]
    function_include = ["a b"]
    function_exclude = ["x,y"]
  }

  expect_failures = [var.sources, var.function_include, var.function_exclude]
}

run "a_role_arn_with_a_short_account_is_rejected" {
  command = plan

  variables {
    sources = [{ role_arn = "arn:aws:iam::1111:role/short-account" }]
  }

  expect_failures = [var.sources]
}

run "an_empty_region_list_is_rejected" {
  command = plan

  variables {
    sources = [{ role_arn = "arn:aws:iam::222222222222:role/x", regions = [] }]
  }

  expect_failures = [var.sources]
}

run "a_source_role_arn_must_be_a_role" {
  command = plan

  variables {
    sources = [{ role_arn = "arn:aws:iam::111111111111:user/someone" }]
  }

  expect_failures = [var.sources]
}

run "a_region_must_be_a_region_name" {
  command = plan

  variables {
    sources = [{ regions = ["eu-west-1", "Ireland"] }]
  }

  expect_failures = [var.sources]
}

run "an_external_id_needs_a_role" {
  command = plan

  variables {
    sources = [{ regions = ["eu-west-1"], external_id = "abc123" }]
  }

  expect_failures = [var.sources]
}

run "an_external_id_of_one_character_is_rejected" {
  command = plan

  variables {
    sources = [{ role_arn = "arn:aws:iam::111111111111:role/x", external_id = "a" }]
  }

  expect_failures = [var.sources]
}

run "a_registrator_id_needs_exactly_one_region" {
  command = plan

  variables {
    sources = [{ role_arn = "arn:aws:iam::111111111111:role/x", regions = ["eu-west-1", "us-east-1"], registrator_id = "team-a" }]
  }

  expect_failures = [var.sources]
}

run "two_sources_must_not_share_a_registrator_id" {
  command = plan

  variables {
    sources = [
      { role_arn = "arn:aws:iam::111111111111:role/x", regions = ["eu-west-1"], registrator_id = "shared" },
      { role_arn = "arn:aws:iam::222222222222:role/x", regions = ["eu-west-1"], registrator_id = "shared" },
    ]
  }

  expect_failures = [var.sources]
}

run "one_account_and_region_in_two_sources_is_rejected" {
  command = plan

  variables {
    sources = [
      { role_arn = "arn:aws:iam::111111111111:role/reader-a", regions = ["eu-west-1"] },
      { role_arn = "arn:aws:iam::111111111111:role/reader-b", regions = ["us-east-1", "eu-west-1"] },
    ]
  }

  expect_failures = [var.sources]
}

run "a_role_in_the_own_account_and_the_own_credentials_for_one_region_are_rejected" {
  command = plan

  variables {
    sources = [
      { regions = ["eu-west-1"] },
      { role_arn = "arn:aws:iam::123456789012:role/reader", regions = ["eu-west-1"] },
    ]
  }

  # Only the plan knows the registrator's account, so this one is the function's precondition.
  expect_failures = [aws_lambda_function.this]
}

run "event_bus_grants_reject_malformed_ids" {
  command = plan

  variables {
    event_source_accounts        = ["11111111111"]
    event_source_organization_id = "org-1"
  }

  expect_failures = [var.event_source_accounts, var.event_source_organization_id]
}
