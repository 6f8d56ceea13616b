# IAM: what the role may do, and on which resources.

mock_provider "aws" {
  # Shared mock data: tests/mocks/aws.tfmock.hcl.
  source = "./tests/mocks"
}

variables {
  name             = "lambda-registrator"
  consul_http_addr = "https://consul.example.com:8501"
  package_path     = "tests/fixtures/fake-package.zip"
}

run "minimal_policy_reads_functions_and_writes_only_its_own_logs" {
  command = plan

  assert {
    condition     = toset([for s in data.aws_iam_policy_document.this.statement : s.sid]) == toset(["InventoryFunctions", "ReadFunctions", "WriteOwnLogs", "SendFailedInvocations"])
    error_message = "Without SSM paths, prefix, sources, tracing or subnets only the inventory, read, log and failure queue statements may exist, got ${jsonencode([for s in data.aws_iam_policy_document.this.statement : s.sid])}."
  }
  assert {
    condition     = one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "InventoryFunctions"]).actions == toset(["lambda:ListFunctions", "tag:GetResources"])
    error_message = "ListFunctions and tag:GetResources must be granted (both lack resource-level permissions)."
  }
  assert {
    condition     = one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "ReadFunctions"]).actions == toset(["lambda:GetFunction", "lambda:ListTags", "lambda:ListAliases"])
    error_message = "GetFunction, ListTags (else GetFunction returns no tags) and ListAliases must be granted."
  }
  assert {
    condition     = one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "ReadFunctions"]).resources == toset(["arn:aws:lambda:eu-west-1:123456789012:function:*"])
    error_message = "Function reads must be limited to this account's and region's functions."
  }
  assert {
    condition     = one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "WriteOwnLogs"]).resources == toset(["arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/lambda-registrator:*"])
    error_message = "Logs must be writable only in the function's own log group."
  }
  assert {
    condition     = !contains(flatten([for s in data.aws_iam_policy_document.this.statement : tolist(s.actions)]), "ssm:PutParameter")
    error_message = "ssm:PutParameter must not be granted without consul_extension_data_prefix."
  }
  assert {
    condition     = !contains(flatten([for s in data.aws_iam_policy_document.this.statement : tolist(s.actions)]), "logs:CreateLogGroup")
    error_message = "The module creates the log group; the function must not be able to create log groups."
  }
  assert {
    condition     = aws_iam_role.this[0].name == "lambda-registrator" && aws_iam_role_policy.this[0].role == "lambda-registrator"
    error_message = "The role is named after the function and carries the inline policy."
  }
}

run "secret_paths_grant_reads_and_decryption_of_exactly_those_parameters" {
  command = plan

  variables {
    consul_http_token_path = "/consul/registrator/token"
    consul_ca_cert_path    = "/consul/ca-cert"
  }

  assert {
    condition     = one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "ReadConsulSecrets"]).actions == toset(["ssm:GetParameter", "ssm:GetParameters"])
    error_message = "The configured parameters must be readable."
  }
  assert {
    condition = one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "ReadConsulSecrets"]).resources == toset([
      "arn:aws:ssm:eu-west-1:123456789012:parameter/consul/registrator/token",
      "arn:aws:ssm:eu-west-1:123456789012:parameter/consul/ca-cert",
    ])
    error_message = "Parameter ARNs must be exact: ${jsonencode(one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "ReadConsulSecrets"]).resources)}"
  }
  assert {
    condition     = one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "DecryptConsulSecrets"]).actions == toset(["kms:Decrypt"])
    error_message = "Only kms:Decrypt is needed to read SecureStrings."
  }
  assert {
    condition = one([for c in one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "DecryptConsulSecrets"]).condition : c if c.variable == "kms:EncryptionContext:PARAMETER_ARN"]).values == tolist([
      "arn:aws:ssm:eu-west-1:123456789012:parameter/consul/registrator/token",
      "arn:aws:ssm:eu-west-1:123456789012:parameter/consul/ca-cert",
    ])
    error_message = "kms:Decrypt must be limited to the configured parameters through SSM's encryption context."
  }
  assert {
    condition     = one([for c in one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "DecryptConsulSecrets"]).condition : c if c.variable == "kms:ViaService"]).values == tolist(["ssm.eu-west-1.amazonaws.com"])
    error_message = "kms:Decrypt must be limited to calls made by SSM in this region."
  }
  assert {
    condition     = !contains(flatten([for s in data.aws_iam_policy_document.this.statement : tolist(s.actions)]), "ssm:PutParameter")
    error_message = "Reading secrets must not grant ssm:PutParameter."
  }
}

run "only_the_token_path_grants_only_the_token" {
  command = plan

  variables {
    consul_http_token_path = "/consul/registrator/token"
  }

  assert {
    condition     = one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "ReadConsulSecrets"]).resources == toset(["arn:aws:ssm:eu-west-1:123456789012:parameter/consul/registrator/token"])
    error_message = "Only the configured parameter may be readable."
  }
}

run "extension_data_prefix_grants_writes_under_the_prefix_only" {
  command = plan

  variables {
    consul_extension_data_prefix = "/consul/lambda/extension-data"
  }

  assert {
    condition     = one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "WriteExtensionData"]).actions == toset(["ssm:GetParameter", "ssm:PutParameter", "ssm:DeleteParameter"])
    error_message = "The extension data must be readable, writable and deletable."
  }
  assert {
    condition     = one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "WriteExtensionData"]).resources == toset(["arn:aws:ssm:eu-west-1:123456789012:parameter/consul/lambda/extension-data/*"])
    error_message = "Writes must be limited to parameters under the prefix."
  }
  assert {
    condition     = one([for c in one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "EncryptExtensionData"]).condition : c if c.variable == "kms:EncryptionContext:PARAMETER_ARN"]).values == tolist(["arn:aws:ssm:eu-west-1:123456789012:parameter/consul/lambda/extension-data/*"])
    error_message = "Encryption must be limited to parameters under the prefix."
  }
  assert {
    condition     = length([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "ReadConsulSecrets" || s.sid == "DecryptConsulSecrets"]) == 0
    error_message = "Without token or CA paths no secret statements may exist."
  }
}

run "subnets_grant_network_interface_management" {
  command = plan

  variables {
    subnet_ids         = ["subnet-1"]
    security_group_ids = ["sg-1"]
  }

  assert {
    condition     = contains(one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "ManageVpcNetworkInterfaces"]).actions, "ec2:CreateNetworkInterface")
    error_message = "A VPC function needs to create network interfaces."
  }
  assert {
    condition     = contains(one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "ManageVpcNetworkInterfaces"]).actions, "ec2:DeleteNetworkInterface")
    error_message = "A VPC function needs to delete network interfaces."
  }
}

run "other_partitions_and_regions_shape_every_arn" {
  command = plan

  override_data {
    target = data.aws_partition.current
    values = { partition = "aws-us-gov" }
  }
  override_data {
    target = data.aws_region.current
    values = { id = "us-gov-west-1", name = "us-gov-west-1" }
  }

  variables {
    consul_http_token_path = "/consul/token"
  }

  assert {
    condition     = one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "ReadConsulSecrets"]).resources == toset(["arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/consul/token"])
    error_message = "Parameter ARNs must use the current partition and region."
  }
  assert {
    condition     = one([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "ReadFunctions"]).resources == toset(["arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:*"])
    error_message = "Function ARNs must use the current partition and region."
  }
}
