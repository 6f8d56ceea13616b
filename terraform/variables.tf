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

variable "adopt_unowned_services" {
  description = "Whether to adopt every unowned service tagged managed-by-lambda-registrator on node_name, even when no function of the inventory matches it (ADOPT_UNOWNED_SERVICES). Use once, when taking over from another registrator."
  type        = bool
  default     = false
  nullable    = false
}

variable "sweep_period_minutes" {
  description = "Anti-entropy: minutes within which every registration is re-verified against AWS (SWEEP_PERIOD_MINUTES). Unset: 60."
  type        = number
  default     = null

  validation {
    condition     = var.sweep_period_minutes == null ? true : (var.sweep_period_minutes >= 1 && floor(var.sweep_period_minutes) == var.sweep_period_minutes)
    error_message = "sweep_period_minutes must be a whole number of minutes >= 1."
  }
}

variable "sweep_quota_percent" {
  description = "Anti-entropy: the largest share of the account's GetFunction quota the sweep may use, in percent (SWEEP_QUOTA_PERCENT). Unset: 10."
  type        = number
  default     = null

  validation {
    condition     = var.sweep_quota_percent == null ? true : (var.sweep_quota_percent >= 1 && var.sweep_quota_percent <= 100 && floor(var.sweep_quota_percent) == var.sweep_quota_percent)
    error_message = "sweep_quota_percent must be a whole number from 1 to 100."
  }
}

variable "consul_primary_datacenter" {
  description = "Primary datacenter of a federated Consul (CONSUL_PRIMARY_DATACENTER). Unset: discovered from the agent."
  type        = string
  default     = null

  validation {
    condition     = var.consul_primary_datacenter == null ? true : (var.consul_primary_datacenter == "" || can(regex("^[A-Za-z0-9_-]+$", var.consul_primary_datacenter)))
    error_message = "consul_primary_datacenter must be a datacenter name: letters, digits, '-' and '_'."
  }
}

# --- Accounts and regions (sources) --------------------------------------------------------------------

variable "sources" {
  description = <<-EOT
    Accounts and regions the registrator inventories (SOURCES, as JSON). Each entry: role_arn (the role to assume in
    a member account, usually made by modules/source-account; unset = the registrator's own credentials and account),
    regions (unset = the registrator's region), external_id (sts:ExternalId for the AssumeRole call), registrator_id
    (owner id of what this source registers; unset = <account>/<region>; needs exactly one region) and
    include/exclude (function-name globs). Empty: the registrator's own account and region only, as without sources.
    Role ARNs must be known at plan time (write them from account ids and role names, or use the role_arn output of
    modules/source-account): the module grants each member account events:PutEvents by account id.
  EOT
  type = list(object({
    role_arn       = optional(string)
    regions        = optional(list(string))
    external_id    = optional(string)
    registrator_id = optional(string)
    include        = optional(list(string), [])
    exclude        = optional(list(string), [])
  }))
  default  = []
  nullable = false

  validation {
    condition     = alltrue([for s in var.sources : s.role_arn == null || can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/([\\x21-\\x7e]+/)?[A-Za-z0-9_+=,.@-]{1,64}$", s.role_arn))])
    error_message = "sources: every role_arn must be an IAM role ARN, e.g. arn:aws:iam::111122223333:role/lambda-registrator-source."
  }
  validation {
    condition = alltrue([for s in var.sources : s.regions == null || (
      length(coalesce(s.regions, [])) > 0 &&
      length(distinct(coalesce(s.regions, []))) == length(coalesce(s.regions, [])) &&
      alltrue([for r in coalesce(s.regions, []) : can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]+$", r))])
    )])
    error_message = "sources: regions must be a non-empty list of distinct region names such as eu-west-1 (omit it for the registrator's region)."
  }
  validation {
    # Why lengths apart: RE2 repeats at most 1000 times.
    condition     = alltrue([for s in var.sources : s.external_id == null || (s.role_arn != null && can(regex("^[A-Za-z0-9_+=,.@:/-]+$", coalesce(s.external_id, "-"))) && length(coalesce(s.external_id, "-")) >= 2 && length(coalesce(s.external_id, "-")) <= 1224)])
    error_message = "sources: external_id needs a role_arn and must be 2 to 1224 characters of letters, digits and _+=,.@:/- (what sts:AssumeRole accepts)."
  }
  validation {
    condition     = alltrue([for s in var.sources : s.registrator_id == null || (can(regex("^[^\\s,]+$", coalesce(s.registrator_id, " "))) && length(coalesce(s.regions, ["one"])) == 1)])
    error_message = "sources: a registrator_id must not contain spaces or commas, and its source must name exactly one region (each account and region owns its own services)."
  }
  validation {
    condition     = length(compact([for s in var.sources : s.registrator_id])) == length(distinct(compact([for s in var.sources : s.registrator_id])))
    error_message = "sources: two sources must not share a registrator_id: each would deregister what the other registered."
  }
  validation {
    condition     = alltrue([for s in var.sources : alltrue([for g in concat(s.include, s.exclude) : can(regex("^[A-Za-z0-9_*?-]{1,170}$", g))])])
    error_message = "sources: include and exclude must be function-name globs: letters, digits, '-', '_', and the wildcards '*' and '?'."
  }
  validation {
    # The registrator's own account is unknown here; a role in the registrator's own account is checked again at plan.
    condition     = length(flatten([for s in var.sources : [for r in coalesce(s.regions, ["(registrator region)"]) : "${s.role_arn == null ? "self" : try(regex("::([0-9]{12}):", s.role_arn)[0], s.role_arn)}/${r}"]])) == length(distinct(flatten([for s in var.sources : [for r in coalesce(s.regions, ["(registrator region)"]) : "${s.role_arn == null ? "self" : try(regex("::([0-9]{12}):", s.role_arn)[0], s.role_arn)}/${r}"]])))
    error_message = "sources: each account and region may appear in one source only."
  }
}

variable "function_include" {
  description = "Function-name globs a function must match to be registered, in every source (FUNCTION_INCLUDE, comma-separated). Empty: every function."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for g in var.function_include : can(regex("^[A-Za-z0-9_*?-]{1,170}$", g))])
    error_message = "function_include must hold function-name globs: letters, digits, '-', '_', '*' and '?' (no commas)."
  }
}

variable "function_exclude" {
  description = "Function-name globs of functions never registered, in every source (FUNCTION_EXCLUDE, comma-separated). A function filtered out is treated as not enabled: its services are deregistered."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for g in var.function_exclude : can(regex("^[A-Za-z0-9_*?-]{1,170}$", g))])
    error_message = "function_exclude must hold function-name globs: letters, digits, '-', '_', '*' and '?' (no commas)."
  }
}

variable "event_source_accounts" {
  description = "Accounts allowed to put events on this account's default event bus (their forwarded Lambda CloudTrail events). Unset: the accounts of sources other than this one. Set [] to grant none."
  type        = list(string)
  default     = null

  validation {
    condition     = var.event_source_accounts == null ? true : alltrue([for a in var.event_source_accounts : can(regex("^[0-9]{12}$", a))])
    error_message = "event_source_accounts must be 12-digit AWS account ids."
  }
}

variable "event_source_organization_id" {
  description = "AWS Organizations id (o-...) whose every account may put events on this account's default event bus, instead of one grant per account."
  type        = string
  default     = null

  validation {
    condition     = var.event_source_organization_id == null ? true : can(regex("^o-[a-z0-9]{10,32}$", var.event_source_organization_id))
    error_message = "event_source_organization_id must be an organization id such as o-a1b2c3d4e5."
  }
}

# --- Mesh wiring -----------------------------------------------------------------------------------------

variable "terminating_gateway" {
  description = "Terminating-gateway service whose configuration entry lists the Lambda services (TERMINATING_GATEWAY). The registrator adds and removes only its own services. Unset: no gateway entry is touched."
  type        = string
  default     = null

  validation {
    condition     = var.terminating_gateway == null ? true : (var.terminating_gateway == "" || can(regex("^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?$", var.terminating_gateway)))
    error_message = "terminating_gateway must be a Consul service name: letters, digits, '-', '_' and '.', starting and ending with a letter or digit."
  }
}

variable "export_to" {
  description = "Consumers the Lambda services are exported to in the partition's exported-services entry, each partition:<name>, peer:<name> or sameness-group:<name> (EXPORT_TO, comma-separated). partition and sameness-group need Consul Enterprise."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for c in var.export_to : can(regex("^(partition|peer|sameness-group):[A-Za-z0-9]([A-Za-z0-9_-]*[A-Za-z0-9])?$", c))])
    error_message = "export_to entries must be partition:<name>, peer:<name> or sameness-group:<name>, with names of letters, digits, '-' and '_'."
  }
  validation {
    condition     = length(distinct(var.export_to)) == length(var.export_to)
    error_message = "export_to must not list a consumer twice."
  }
}

variable "create_gateway_entries" {
  description = "Whether the registrator may create a missing terminating-gateway or exported-services entry (CREATE_GATEWAY_ENTRIES). It never deletes one. Needs terminating_gateway or export_to."
  type        = bool
  default     = false
  nullable    = false
}

# --- Failures are kept -----------------------------------------------------------------------------------

variable "maximum_retry_attempts" {
  description = "Times Lambda retries a failed asynchronous invocation (every EventBridge invocation is one) before sending it to the failure destination."
  type        = number
  default     = 2
  nullable    = false

  validation {
    condition     = contains([0, 1, 2], var.maximum_retry_attempts)
    error_message = "maximum_retry_attempts must be 0, 1 or 2 (the Lambda limits)."
  }
}

variable "maximum_event_age_in_seconds" {
  description = "Longest time Lambda keeps an asynchronous invocation queued for retries before sending it to the failure destination. Unset: 21600 (6 hours)."
  type        = number
  default     = null

  validation {
    condition     = var.maximum_event_age_in_seconds == null ? true : (var.maximum_event_age_in_seconds >= 60 && var.maximum_event_age_in_seconds <= 21600 && floor(var.maximum_event_age_in_seconds) == var.maximum_event_age_in_seconds)
    error_message = "maximum_event_age_in_seconds must be a whole number from 60 to 21600."
  }
}

variable "create_failure_queue" {
  description = "Whether to create the SQS queue <name>-failures that receives every invocation Lambda gave up on (on-failure destination). Ignored when failure_destination_arn is set."
  type        = bool
  default     = true
  nullable    = false
}

variable "failure_destination_arn" {
  description = "On-failure destination of the asynchronous invocations instead of the created queue: an SQS queue, SNS topic, Lambda function or EventBridge bus ARN. The module grants the function the matching send permission."
  type        = string
  default     = null

  validation {
    condition     = var.failure_destination_arn == null ? true : can(regex("^arn:aws[a-z-]*:(sqs|sns|lambda|events):[a-z0-9-]+:[0-9]{12}:.+$", var.failure_destination_arn))
    error_message = "failure_destination_arn must be the ARN of an SQS queue, SNS topic, Lambda function or EventBridge event bus."
  }
}

variable "create_dead_letter_queue" {
  description = "Whether to create the SQS queue <name>-dlq that receives every event EventBridge could not deliver to the function after its retries. Ignored when dead_letter_queue_arn is set."
  type        = bool
  default     = true
  nullable    = false
}

variable "dead_letter_queue_arn" {
  description = "SQS queue for events EventBridge could not deliver, instead of the created one. Its queue policy must let events.amazonaws.com send messages from the module's two rules."
  type        = string
  default     = null

  validation {
    condition     = var.dead_letter_queue_arn == null ? true : can(regex("^arn:aws[a-z-]*:sqs:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,80}$", var.dead_letter_queue_arn))
    error_message = "dead_letter_queue_arn must be an SQS queue ARN."
  }
}

variable "event_retry_attempts" {
  description = "Times EventBridge retries delivering an event to the function (throttled or unavailable) before sending it to the dead-letter queue."
  type        = number
  default     = 185
  nullable    = false

  validation {
    condition     = var.event_retry_attempts >= 0 && var.event_retry_attempts <= 185 && floor(var.event_retry_attempts) == var.event_retry_attempts
    error_message = "event_retry_attempts must be a whole number from 0 to 185 (the EventBridge limits)."
  }
}

variable "event_maximum_age_in_seconds" {
  description = "Longest time EventBridge keeps retrying an undelivered event before sending it to the dead-letter queue."
  type        = number
  default     = 86400
  nullable    = false

  validation {
    condition     = var.event_maximum_age_in_seconds >= 60 && var.event_maximum_age_in_seconds <= 86400 && floor(var.event_maximum_age_in_seconds) == var.event_maximum_age_in_seconds
    error_message = "event_maximum_age_in_seconds must be a whole number from 60 to 86400 (the EventBridge limits)."
  }
}

# --- Metrics, alarms and dashboard -----------------------------------------------------------------------

variable "metrics_enabled" {
  description = "Whether the function writes one CloudWatch Embedded Metric Format record per invocation (METRICS_ENABLED). The sync alarms and the dashboard's sync widgets need it."
  type        = bool
  default     = true
  nullable    = false
}

variable "metrics_namespace" {
  description = "CloudWatch namespace of the function's metrics (METRICS_NAMESPACE)."
  type        = string
  default     = "LambdaRegistrator"
  nullable    = false

  validation {
    condition     = can(regex("^[A-Za-z0-9._/#: -]{1,255}$", var.metrics_namespace)) && trimspace(var.metrics_namespace) != "" && !startswith(var.metrics_namespace, "AWS/")
    error_message = "metrics_namespace must be 1 to 255 characters of letters, digits, spaces and ._/#:- and must not start with AWS/ (reserved for AWS services)."
  }
}

variable "alarm_topic_arn" {
  description = "SNS topic the alarms notify (alarm and back to OK). Setting it (or create_alarm_topic) creates the alarms."
  type        = string
  default     = null

  validation {
    condition     = var.alarm_topic_arn == null ? true : can(regex("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?$", var.alarm_topic_arn))
    error_message = "alarm_topic_arn must be an SNS topic ARN."
  }
}

variable "create_alarm_topic" {
  description = "Whether to create the SNS topic <name>-alarms for the alarms (subscribe to it yourself), and with it the alarms. Set either this or alarm_topic_arn."
  type        = bool
  default     = false
  nullable    = false
}

variable "alarm_inventory_incomplete_syncs" {
  description = "Consecutive scheduled full syncs with an incomplete inventory (some source could not be read) before the InventoryIncomplete alarm fires."
  type        = number
  default     = 3
  nullable    = false

  validation {
    condition     = var.alarm_inventory_incomplete_syncs >= 1 && floor(var.alarm_inventory_incomplete_syncs) == var.alarm_inventory_incomplete_syncs
    error_message = "alarm_inventory_incomplete_syncs must be a whole number >= 1."
  }
}

variable "alarm_duration_percent" {
  description = "The duration alarm fires when an invocation runs longer than this percentage of timeout."
  type        = number
  default     = 80
  nullable    = false

  validation {
    condition     = var.alarm_duration_percent >= 1 && var.alarm_duration_percent <= 100
    error_message = "alarm_duration_percent must be from 1 to 100."
  }
}

variable "create_dashboard" {
  description = "Whether to create the CloudWatch dashboard <name> with the function's and the sync's metrics."
  type        = bool
  default     = false
  nullable    = false
}

# --- Role, tracing, encryption and logs ------------------------------------------------------------------

variable "create_role" {
  description = "Whether the module creates the function's IAM role. Set false and give role_arn to bring your own; attach the role_policy_json output (or its equivalent) to it."
  type        = bool
  default     = true
  nullable    = false
}

variable "role_arn" {
  description = "ARN of an existing role for the function, used when create_role is false. It must trust lambda.amazonaws.com."
  type        = string
  default     = null

  validation {
    condition     = var.role_arn == null ? true : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/([\\x21-\\x7e]+/)?[A-Za-z0-9_+=,.@-]{1,64}$", var.role_arn))
    error_message = "role_arn must be an IAM role ARN, e.g. arn:aws:iam::123456789012:role/lambda-registrator."
  }
}

variable "role_path" {
  description = "Path of the created role (and so of its ARN), e.g. /platform/."
  type        = string
  default     = "/"
  nullable    = false

  validation {
    condition     = can(regex("^/([\\x21-\\x7e]+/)?$", var.role_path)) && length(var.role_path) <= 512
    error_message = "role_path must start and end with '/', e.g. / or /platform/."
  }
}

variable "role_permissions_boundary" {
  description = "ARN of the managed policy that bounds the created role's permissions, where the organisation requires one."
  type        = string
  default     = null

  validation {
    condition     = var.role_permissions_boundary == null ? true : can(regex("^arn:aws[a-z-]*:iam::([0-9]{12}|aws):policy/.+$", var.role_permissions_boundary))
    error_message = "role_permissions_boundary must be an IAM policy ARN, e.g. arn:aws:iam::123456789012:policy/boundary."
  }
}

variable "role_tags" {
  description = "Tags for the created role only, added to tags."
  type        = map(string)
  default     = {}
  nullable    = false
}

variable "tracing_mode" {
  description = "X-Ray tracing of the function: \"Active\" or \"PassThrough\"; grants the X-Ray write permissions. Unset: no tracing configuration (Lambda's PassThrough) and no X-Ray permission."
  type        = string
  default     = null

  validation {
    condition     = var.tracing_mode == null ? true : contains(["Active", "PassThrough"], var.tracing_mode)
    error_message = "tracing_mode must be \"Active\" or \"PassThrough\"."
  }
}

variable "kms_key_arn" {
  description = "Customer managed KMS key encrypting the function's environment and its log group. The key policy must allow the CloudWatch Logs service of this region (see the README). Unset: AWS owned keys."
  type        = string
  default     = null

  validation {
    condition     = var.kms_key_arn == null ? true : can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>); CloudWatch Logs does not accept alias ARNs."
  }
}

variable "log_format" {
  description = "Format of the function's log records in CloudWatch Logs: \"JSON\" (the function's own lines stay as written, Lambda's START/END/REPORT lines become JSON, log levels can filter) or \"Text\"."
  type        = string
  default     = "JSON"
  nullable    = false

  validation {
    condition     = contains(["JSON", "Text"], var.log_format)
    error_message = "log_format must be \"JSON\" or \"Text\"."
  }
}

variable "application_log_level" {
  description = "Lowest level of the function's own log lines Lambda keeps (JSON format only): TRACE, DEBUG, INFO, WARN, ERROR or FATAL. Unset: log_level, but at most INFO while metrics_enabled (the metric records are info lines)."
  type        = string
  default     = null

  validation {
    condition     = var.application_log_level == null ? true : contains(["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"], var.application_log_level)
    error_message = "application_log_level must be TRACE, DEBUG, INFO, WARN, ERROR or FATAL."
  }
}

variable "system_log_level" {
  description = "Lowest level of Lambda's own log lines kept (JSON format only): DEBUG, INFO or WARN. INFO keeps the REPORT line with duration and memory. Unset: INFO."
  type        = string
  default     = null

  validation {
    condition     = var.system_log_level == null ? true : contains(["DEBUG", "INFO", "WARN"], var.system_log_level)
    error_message = "system_log_level must be DEBUG, INFO or WARN."
  }
}

variable "environment" {
  description = "Extra environment variables for the function (e.g. DEADLINE_MARGIN_MS, MAX_CONCURRENCY, CONSUL_NAMESPACE). Variables this module sets from its inputs cannot be given here."
  type        = map(string)
  default     = {}
  nullable    = false
}
