# examples/multi-account wired end to end on mock providers: the central account 123456789012 and a member account
# 111111111111 in two regions. What moto cannot show (the member's trust of the exact central role, the grants
# derived from sources) is checked here.

mock_provider "aws" {
  # Shared mock data and ARNs: tests/mocks/aws.tfmock.hcl (central account, eu-west-1).
  source = "./tests/mocks"
}

mock_provider "aws" {
  alias  = "member"
  source = "./tests/mocks"
  mock_data "aws_caller_identity" {
    defaults = { account_id = "111111111111" }
  }
}

mock_provider "aws" {
  alias  = "member_second_region"
  source = "./tests/mocks"
  mock_data "aws_caller_identity" {
    defaults = { account_id = "111111111111" }
  }
  mock_data "aws_region" {
    defaults = { id = "us-east-1", name = "us-east-1" }
  }
}

run "multi_account_example_connects_the_member_to_the_registrator" {
  command = apply

  module {
    source = "./examples/multi-account"
  }

  variables {
    member_deploy_role_arn = "arn:aws:iam::111111111111:role/deployer"
    consul_http_addr       = "https://consul.example.com:8501"
    package_path           = "tests/fixtures/fake-package.zip"
    external_id            = "shared-secret-1"
  }

  assert {
    condition     = module.member.role_arn == "arn:aws:iam::111111111111:role/lambda-registrator-source"
    error_message = "The member role is made in the member account."
  }
  assert {
    condition     = module.member.source.regions == ["eu-west-1"] && module.member_second_region.source.regions == ["us-east-1"]
    error_message = "Each member module sees its own provider's region."
  }
  assert {
    condition     = output.event_bus_arn == "arn:aws:events:eu-west-1:123456789012:event-bus/default"
    error_message = "Members forward to the central account's default bus in its region."
  }
  assert {
    condition     = output.member_forward_rule_arns["eu-west-1"] != null && output.member_forward_rule_arns["us-east-1"] != null
    error_message = "Both member regions must forward events."
  }
  assert {
    condition     = module.lambda_registrator.sources == "[{\"regions\":[\"eu-west-1\"]},{\"external_id\":\"shared-secret-1\",\"regions\":[\"eu-west-1\",\"us-east-1\"],\"role_arn\":\"arn:aws:iam::111111111111:role/lambda-registrator-source\"}]"
    error_message = "The registrator must read its own account and the member account in both regions, got ${module.lambda_registrator.sources}."
  }
}
