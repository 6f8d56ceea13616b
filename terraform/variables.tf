# Variables keep the names and meanings of HashiCorp's Go module (modules/lambda-registrator) where one
# exists, so a caller can switch the module source and keep their inputs. String inputs treat null and ""
# alike: "not set", and the matching environment variable is then not given to the function.

# --- Identity and package ----------------------------------------------------------------------------

variable "name" {
  description = "Name of the registrator's Lambda function; also names its IAM role, log group and EventBridge rules."
  type        = string

  validation {
    # Why 56: the EventBridge rules are named "<name>-events" and "<name>-sync" and rule names stop at 64.
    condition     = can(regex("^[A-Za-z0-9_-]{1,56}$", var.name))
    error_message = "name must be 1 to 56 characters of letters, digits, '-' or '_' (it becomes the function, role and rule names)."
  }
}

variable "package_path" {
  description = "Path of the function zip built by ./scripts/package.sh (e.g. artifacts/lambda-registrator-provided.al2023-x86_64.zip). Set this or s3_bucket + s3_key."
  type        = string
  default     = null
}

variable "s3_bucket" {
  description = "S3 bucket holding the function zip, when it is not deployed from a local file. Set together with s3_key."
  type        = string
  default     = null
}

variable "s3_key" {
  description = "S3 key of the function zip in s3_bucket."
  type        = string
  default     = null
}

variable "s3_object_version" {
  description = "Version of the S3 object to deploy, so a new upload to the same key redeploys the function."
  type        = string
  default     = null
}

variable "runtime" {
  description = "Lambda runtime of the package: \"provided.al2023\" (self-contained `bootstrap`, the default) or \"dotnet10\" (managed .NET 10; needs hashicorp/aws >= 6.27.0)."
  type        = string
  default     = "provided.al2023"

  validation {
    condition     = contains(["provided.al2023", "dotnet10"], var.runtime)
    error_message = "runtime must be \"provided.al2023\" or \"dotnet10\", matching the zip built by ./scripts/package.sh."
  }
}

variable "arch" {
  description = "Instruction set of the function: \"x86_64\" or \"arm64\". A provided.al2023 package is built per architecture and must match."
  type        = string
  default     = "x86_64"

  validation {
    condition     = contains(["x86_64", "arm64"], var.arch)
    error_message = "arch must be \"x86_64\" or \"arm64\"."
  }
}

variable "timeout" {
  description = "Maximum number of seconds one invocation of the registrator may run."
  type        = number
  default     = 30

  validation {
    condition     = var.timeout >= 1 && var.timeout <= 900 && floor(var.timeout) == var.timeout
    error_message = "timeout must be a whole number of seconds from 1 to 900 (the Lambda maximum)."
  }
}

variable "memory_size" {
  description = "Memory of the function in MB (CPU scales with it)."
  type        = number
  default     = 256

  validation {
    condition     = var.memory_size >= 128 && var.memory_size <= 10240 && floor(var.memory_size) == var.memory_size
    error_message = "memory_size must be a whole number of MB from 128 to 10240."
  }
}

variable "reserved_concurrent_executions" {
  description = "Reserved concurrency of the registrator; -1 means no reservation."
  type        = number
  default     = -1

  validation {
    condition     = var.reserved_concurrent_executions >= -1 && floor(var.reserved_concurrent_executions) == var.reserved_concurrent_executions
    error_message = "reserved_concurrent_executions must be -1 (no reservation) or a whole number >= 0."
  }
}

variable "subnet_ids" {
  description = "Subnets to run the registrator in, when Consul is reachable only from a VPC. Needs security_group_ids too."
  type        = list(string)
  default     = []
}

variable "security_group_ids" {
  description = "Security groups of the registrator's network interfaces; used with subnet_ids."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags for every resource this module creates."
  type        = map(string)
  default     = {}
}

variable "log_retention_in_days" {
  description = "Days CloudWatch Logs keeps the registrator's logs (0 keeps them forever)."
  type        = number
  default     = 30

  validation {
    condition     = contains([0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_in_days)
    error_message = "log_retention_in_days must be one of the values CloudWatch Logs accepts: 0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
  }
}

variable "sync_frequency_in_minutes" {
  description = "Minutes between two scheduled full synchronisations."
  type        = number
  default     = 10

  validation {
    condition     = var.sync_frequency_in_minutes >= 1 && floor(var.sync_frequency_in_minutes) == var.sync_frequency_in_minutes
    error_message = "sync_frequency_in_minutes must be a whole number >= 1 (EventBridge schedules have minute resolution)."
  }
}

# --- Consul connection -------------------------------------------------------------------------------

variable "consul_http_addr" {
  description = "Consul HTTP(S) address with scheme and port, e.g. https://consul.example.com:8501 (CONSUL_HTTP_ADDR)."
  type        = string

  validation {
    condition     = can(regex("^https?://[^/?#\\s]+(/.*)?$", var.consul_http_addr))
    error_message = "consul_http_addr must be a URL starting with http:// or https://, e.g. https://consul.example.com:8501."
  }
}

variable "consul_datacenter" {
  description = "Consul datacenter the registrator manages (DATACENTER): only functions whose datacenter tag is unset or equal to it are registered, in it. Unset: the agent's datacenter."
  type        = string
  default     = null
}

variable "consul_http_token_path" {
  description = "Parameter Store name (starting with /) of the Consul ACL token, ideally a SecureString (CONSUL_HTTP_TOKEN_PATH)."
  type        = string
  default     = null

  validation {
    condition     = var.consul_http_token_path == null ? true : (var.consul_http_token_path == "" || startswith(var.consul_http_token_path, "/"))
    error_message = "consul_http_token_path must be a Parameter Store name starting with '/', e.g. /consul/registrator/token."
  }
}

variable "consul_ca_cert_path" {
  description = "Parameter Store name (starting with /) of the PEM CA certificate that signs Consul's HTTPS certificate (CONSUL_CACERT_PATH)."
  type        = string
  default     = null

  validation {
    condition     = var.consul_ca_cert_path == null ? true : (var.consul_ca_cert_path == "" || startswith(var.consul_ca_cert_path, "/"))
    error_message = "consul_ca_cert_path must be a Parameter Store name starting with '/', e.g. /consul/ca-cert."
  }
}

variable "consul_tls_server_name" {
  description = "Server name to verify Consul's certificate against when it differs from the address host (CONSUL_TLS_SERVER_NAME)."
  type        = string
  default     = null
}

variable "consul_http_ssl_verify" {
  description = "Whether to verify Consul's HTTPS certificate (CONSUL_HTTP_SSL_VERIFY). Unset: verify."
  type        = bool
  default     = null
}

variable "consul_extension_data_prefix" {
  description = "Parameter Store path (starting with /, no trailing /) under which the registrator writes mesh data for the consul-lambda-extension layer (CONSUL_EXTENSION_DATA_PREFIX). Unset: no data is written and no write permission is granted."
  type        = string
  default     = null

  validation {
    condition     = var.consul_extension_data_prefix == null ? true : (var.consul_extension_data_prefix == "" || can(regex("^/.*[^/]$", var.consul_extension_data_prefix)))
    error_message = "consul_extension_data_prefix must start with '/' and must not end with '/', e.g. /consul/lambda/extension-data."
  }
}

variable "consul_extension_data_tier" {
  description = "Parameter Store tier for extension data larger than 4 KiB: Standard, Advanced or Intelligent-Tiering (CONSUL_EXTENSION_DATA_TIER). Unset: Standard."
  type        = string
  default     = null

  validation {
    condition     = var.consul_extension_data_tier == null ? true : contains(["", "Standard", "Advanced", "Intelligent-Tiering"], var.consul_extension_data_tier)
    error_message = "consul_extension_data_tier must be Standard, Advanced or Intelligent-Tiering."
  }
}

variable "node_name" {
  description = "Consul node the Lambda services are registered on (NODE_NAME)."
  type        = string
  default     = "lambdas"

  validation {
    condition     = length(trimspace(var.node_name)) > 0
    error_message = "node_name must not be empty."
  }
}

variable "enterprise" {
  description = "Whether Consul is Enterprise, enabling the partition and namespace tags (ENTERPRISE)."
  type        = bool
  default     = false
}

variable "partitions" {
  description = "Admin partitions the registrator manages [Consul Enterprise] (PARTITIONS, comma-separated)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for p in var.partitions : can(regex("^[A-Za-z0-9_-]+$", p))])
    error_message = "partitions must be partition names (letters, digits, '-' and '_'), without commas."
  }
}

# --- Registrator behaviour ---------------------------------------------------------------------------

variable "log_level" {
  description = "Log level of the registrator: trace, debug, info, warn or error (LOG_LEVEL)."
  type        = string
  default     = "info"

  validation {
    condition     = contains(["trace", "debug", "info", "warn", "error"], var.log_level)
    error_message = "log_level must be one of trace, debug, info, warn, error."
  }
}

variable "page_size" {
  description = "Functions per ListFunctions page, 1 to 50 (PAGE_SIZE). Unset: 50."
  type        = number
  default     = null

  validation {
    condition     = var.page_size == null ? true : (var.page_size >= 1 && var.page_size <= 50 && floor(var.page_size) == var.page_size)
    error_message = "page_size must be a whole number from 1 to 50 (the ListFunctions maximum)."
  }
}

variable "registrator_id" {
  description = "Owner id written to the meta of every Consul object this registrator manages (REGISTRATOR_ID). Unset: <account>/<region>. Give each registrator sharing one Consul its own."
  type        = string
  default     = null

  validation {
    condition     = var.registrator_id == null ? true : (var.registrator_id == "" || can(regex("^[^\\s,]+$", var.registrator_id)))
    error_message = "registrator_id must not contain spaces or commas."
  }
}

variable "inventory_strategy" {
  description = "How a full sync finds tagged functions: \"tagging\" (Resource Groups Tagging API, fewest calls) or \"list-functions\" (ListFunctions + GetFunction, like the Go original) (INVENTORY_STRATEGY). Unset: tagging."
  type        = string
  default     = null

  validation {
    condition     = var.inventory_strategy == null ? true : contains(["", "tagging", "list-functions"], var.inventory_strategy)
    error_message = "inventory_strategy must be \"tagging\" or \"list-functions\"."
  }
}

variable "service_defaults_format" {
  description = "Shape of the service-defaults entries: \"envoy-extension\" (Consul >= 1.15) or \"legacy-meta\" (Consul 1.12-1.14) (SERVICE_DEFAULTS_FORMAT). Unset: envoy-extension."
  type        = string
  default     = null

  validation {
    condition     = var.service_defaults_format == null ? true : contains(["", "envoy-extension", "legacy-meta"], var.service_defaults_format)
    error_message = "service_defaults_format must be \"envoy-extension\" or \"legacy-meta\"."
  }
}

variable "environment" {
  description = "Extra environment variables for the function (e.g. DEADLINE_MARGIN_MS, MAX_CONCURRENCY, CONSUL_NAMESPACE). Variables this module sets from its inputs cannot be given here."
  type        = map(string)
  default     = {}

  validation {
    condition = length(setintersection(keys(var.environment), [
      "CONSUL_HTTP_ADDR", "DATACENTER", "NODE_NAME", "ENTERPRISE", "PARTITIONS", "LOG_LEVEL", "PAGE_SIZE",
      "CONSUL_HTTP_TOKEN_PATH", "CONSUL_CACERT_PATH", "CONSUL_TLS_SERVER_NAME", "CONSUL_HTTP_SSL_VERIFY",
      "CONSUL_EXTENSION_DATA_PREFIX", "CONSUL_EXTENSION_DATA_TIER", "REGISTRATOR_ID", "INVENTORY_STRATEGY",
      "SERVICE_DEFAULTS_FORMAT",
    ])) == 0
    error_message = "environment must not set a variable this module sets from its own input (CONSUL_HTTP_ADDR, DATACENTER, NODE_NAME, ENTERPRISE, PARTITIONS, LOG_LEVEL, PAGE_SIZE, CONSUL_HTTP_TOKEN_PATH, CONSUL_CACERT_PATH, CONSUL_TLS_SERVER_NAME, CONSUL_HTTP_SSL_VERIFY, CONSUL_EXTENSION_DATA_PREFIX, CONSUL_EXTENSION_DATA_TIER, REGISTRATOR_ID, INVENTORY_STRATEGY, SERVICE_DEFAULTS_FORMAT): use the matching module variable."
  }
}
