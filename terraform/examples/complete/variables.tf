variable "region" {
  description = "AWS region to deploy the registrator and the sample function in."
  type        = string
  default     = "eu-west-1"
}

variable "name" {
  description = "Name of the registrator function, role, log group and rules; also the root of its SSM parameters."
  type        = string
  default     = "lambda-registrator"
}

variable "consul_http_addr" {
  description = "Consul HTTP(S) address the registrator writes to, e.g. https://consul.example.com:8501."
  type        = string
}

variable "consul_datacenter" {
  description = "Consul datacenter to manage; also written to the sample function's datacenter tag. Unset: the agent's datacenter."
  type        = string
  default     = null
}

variable "consul_http_token" {
  description = "Consul ACL token for the registrator; stored as an SSM SecureString. Unset: Consul without ACLs."
  type        = string
  default     = null
  sensitive   = true
}

variable "consul_ca_cert_pem" {
  description = "PEM CA certificate of Consul's HTTPS listener; stored as an SSM SecureString. Unset: the system trust store."
  type        = string
  default     = null
}

variable "runtime" {
  description = "Registrator runtime: provided.al2023 (native) or dotnet10 (managed; needs hashicorp/aws >= 6.27.0)."
  type        = string
  default     = "provided.al2023"
}

variable "arch" {
  description = "Registrator architecture: x86_64 or arm64."
  type        = string
  default     = "x86_64"
}

variable "package_path" {
  description = "Registrator zip. Unset: the one ./scripts/package.sh writes for runtime and arch, artifacts/lambda-registrator-provided.al2023-<arch>.zip or artifacts/lambda-registrator-dotnet10.zip."
  type        = string
  default     = null
}

variable "terminating_gateway" {
  description = "Terminating-gateway service whose entry lists the Lambda services, e.g. lambda-gateway. Unset: no gateway wiring."
  type        = string
  default     = null
}

variable "export_to" {
  description = "Consumers the Lambda services are exported to, e.g. [\"peer:dc2\"] (partition: and sameness-group: need Consul Enterprise)."
  type        = list(string)
  default     = []
}

variable "create_gateway_entries" {
  description = "Whether the registrator may create the gateway or exported-services entry when it does not exist."
  type        = bool
  default     = false
}

variable "alarms" {
  description = "Whether to create the alarms, their SNS topic <name>-alarms (subscribe to it) and the dashboard."
  type        = bool
  default     = false
}

variable "tracing_mode" {
  description = "X-Ray tracing of the registrator: Active or PassThrough. Unset: none."
  type        = string
  default     = null
}

variable "role_arn" {
  description = "An existing role for the registrator (it must trust lambda.amazonaws.com and hold the module's role_policy_json output). Unset: the module creates one."
  type        = string
  default     = null
}

variable "role_permissions_boundary" {
  description = "Permissions boundary for the role the module creates, where the organisation requires one."
  type        = string
  default     = null
}

variable "sample_function_name" {
  description = "Name of the sample function the example opts in to Consul registration."
  type        = string
  default     = "example-echo"
}

variable "sample_function_aliases" {
  description = "Aliases created on the sample function and registered as <function>-<alias> services."
  type        = list(string)
  default     = ["live", "canary"]
}

variable "tags" {
  description = "Tags for every resource of the example."
  type        = map(string)
  default     = { example = "lambda-registrator-complete" }
}
