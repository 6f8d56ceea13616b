# Mesh wiring: the terminating gateway and the exported-services consumers the function keeps in sync.

mock_provider "aws" {
  # Shared mock data and ARNs: tests/mocks/aws.tfmock.hcl.
  source = "./tests/mocks"
}

variables {
  name             = "lambda-registrator"
  consul_http_addr = "https://consul.example.com:8501"
  package_path     = "tests/fixtures/fake-package.zip"
}

run "no_gateway_and_no_exports_by_default" {
  command = plan

  assert {
    condition     = length(setintersection(keys(aws_lambda_function.this.environment[0].variables), ["TERMINATING_GATEWAY", "EXPORT_TO", "CREATE_GATEWAY_ENTRIES"])) == 0
    error_message = "Without gateway inputs no shared entry may be touched: ${jsonencode(aws_lambda_function.this.environment[0].variables)}"
  }
}

run "a_gateway_alone_is_wired_and_entries_are_not_created_unless_asked" {
  command = plan

  variables {
    terminating_gateway = "lambda-gateway"
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables["TERMINATING_GATEWAY"] == "lambda-gateway"
    error_message = "terminating_gateway must reach TERMINATING_GATEWAY."
  }
  assert {
    condition     = aws_lambda_function.this.environment[0].variables["CREATE_GATEWAY_ENTRIES"] == "false"
    error_message = "With a gateway the function must be told explicitly not to create a missing entry."
  }
  assert {
    condition     = !contains(keys(aws_lambda_function.this.environment[0].variables), "EXPORT_TO")
    error_message = "No export_to, no EXPORT_TO."
  }
}

run "peer_exports_work_on_community_edition" {
  command = plan

  variables {
    export_to              = ["peer:dc2-peer", "peer:dc3-peer"]
    create_gateway_entries = true
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables["EXPORT_TO"] == "peer:dc2-peer,peer:dc3-peer" && aws_lambda_function.this.environment[0].variables["CREATE_GATEWAY_ENTRIES"] == "true"
    error_message = "export_to must reach EXPORT_TO comma-joined, with CREATE_GATEWAY_ENTRIES."
  }
}

run "partition_exports_need_enterprise" {
  command = plan

  variables {
    export_to = ["partition:team-a"]
  }

  expect_failures = [aws_lambda_function.this]
}

run "sameness_group_exports_need_enterprise" {
  command = plan

  variables {
    export_to = ["sameness-group:shared"]
  }

  expect_failures = [aws_lambda_function.this]
}

run "partition_exports_on_enterprise_are_wired" {
  command = plan

  variables {
    enterprise = true
    partitions = ["default", "team-a"]
    export_to  = ["partition:team-b", "sameness-group:shared"]
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables["EXPORT_TO"] == "partition:team-b,sameness-group:shared"
    error_message = "Enterprise consumers must reach EXPORT_TO."
  }
}

run "creating_entries_without_anything_to_wire_is_rejected" {
  command = plan

  variables {
    create_gateway_entries = true
  }

  expect_failures = [aws_lambda_function.this]
}

run "malformed_gateway_inputs_are_rejected" {
  command = plan

  variables {
    terminating_gateway = "lambda gateway"
    export_to           = ["dc2-peer"] # no consumer kind
  }

  expect_failures = [var.terminating_gateway, var.export_to]
}

run "unknown_consumer_kinds_and_commas_are_rejected" {
  command = plan

  variables {
    export_to = ["cluster:dc2", "peer:a,b"]
  }

  expect_failures = [var.export_to]
}

run "a_consumer_listed_twice_is_rejected" {
  command = plan

  variables {
    export_to = ["peer:dc2", "peer:dc2"]
  }

  expect_failures = [var.export_to]
}
