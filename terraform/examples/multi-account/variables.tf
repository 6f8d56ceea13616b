variable "region" {
  description = "Region of the registrator, its event bus, and the member account's first region."
  type        = string
  default     = "eu-west-1"
}

variable "member_second_region" {
  description = "A second region of the member account whose functions the registrator also registers."
  type        = string
  default     = "us-east-1"
}

variable "member_deploy_role_arn" {
  description = "Role in the member account Terraform assumes to create the member's resources, e.g. arn:aws:iam::111122223333:role/OrganizationAccountAccessRole."
  type        = string
}

variable "external_id" {
  description = "External id the registrator presents when it assumes the member role (protects against the confused deputy). Unset: none."
  type        = string
  default     = null
}

variable "name" {
  description = "Name of the registrator function, role, log group and rules."
  type        = string
  default     = "lambda-registrator"
}

variable "consul_http_addr" {
  description = "Consul HTTP(S) address the registrator writes to, e.g. https://consul.example.com:8501."
  type        = string
}

variable "package_path" {
  description = "Registrator zip. Unset: artifacts/lambda-registrator-provided.al2023-x86_64.zip as ./scripts/package.sh writes it."
  type        = string
  default     = null
}

variable "sample_function_name" {
  description = "Name of the sample function created in the member account and opted in to registration."
  type        = string
  default     = "member-echo"
}

variable "tags" {
  description = "Tags for every resource of the example."
  type        = map(string)
  default     = { example = "lambda-registrator-multi-account" }
}
