variable "name" {
  description = "Name of the role the registrator assumes; the forwarding rule is <name>-forward and its role <name>-forward-<region>."
  type        = string
  default     = "lambda-registrator-source"
  nullable    = false

  validation {
    # Why 41: "<name>-forward-<region>" must fit IAM's 64 characters with the longest region names (14).
    condition     = can(regex("^[A-Za-z0-9_.-]{1,41}$", var.name))
    error_message = "name must be 1 to 41 characters of letters, digits, '-', '_' or '.'."
  }
}

variable "registrator_role_arn" {
  description = "ARN of the central registrator's role (the registrator module's role_arn output): the only principal the source role trusts."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/([\\x21-\\x7e]+/)?[A-Za-z0-9_+=,.@-]{1,64}$", var.registrator_role_arn))
    error_message = "registrator_role_arn must be an IAM role ARN, e.g. arn:aws:iam::123456789012:role/lambda-registrator."
  }
}

variable "external_id" {
  description = "sts:ExternalId the registrator must present (the external_id of its sources entry). Unset: none is required."
  type        = string
  default     = null

  validation {
    condition     = var.external_id == null ? true : (can(regex("^[A-Za-z0-9_+=,.@:/-]+$", var.external_id)) && length(coalesce(var.external_id, "-")) >= 2 && length(coalesce(var.external_id, "-")) <= 1224)
    error_message = "external_id must be 2 to 1224 characters of letters, digits and _+=,.@:/- (what sts:AssumeRole accepts)."
  }
}

variable "create_role" {
  description = "Whether to create the role the registrator assumes. IAM roles are global: create it in one region of the account and set false in the others, which then only forward events."
  type        = bool
  default     = true
  nullable    = false
}

variable "regions" {
  description = "Regions whose functions the role may read (GetFunction, ListTags, ListAliases). Empty: every region of the account."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for r in var.regions : can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]+$", r))])
    error_message = "regions must be region names such as eu-west-1."
  }
}

variable "role_path" {
  description = "Path of the created roles, e.g. /platform/."
  type        = string
  default     = "/"
  nullable    = false

  validation {
    condition     = can(regex("^/([\\x21-\\x7e]+/)?$", var.role_path)) && length(var.role_path) <= 512
    error_message = "role_path must start and end with '/', e.g. / or /platform/."
  }
}

variable "role_permissions_boundary" {
  description = "ARN of the managed policy that bounds the created roles, where the organisation requires one."
  type        = string
  default     = null

  validation {
    condition     = var.role_permissions_boundary == null ? true : can(regex("^arn:aws[a-z-]*:iam::([0-9]{12}|aws):policy/.+$", var.role_permissions_boundary))
    error_message = "role_permissions_boundary must be an IAM policy ARN."
  }
}

variable "forward_events" {
  description = "Whether to forward this account's and region's Lambda CloudTrail events to central_event_bus_arn, so the registrator syncs a changed function at once instead of at its next full sync."
  type        = bool
  default     = true
  nullable    = false
}

variable "central_event_bus_arn" {
  description = "ARN of the central account's event bus (the registrator module's event_bus_arn output). Needed when forward_events is true."
  type        = string
  default     = null

  validation {
    condition     = var.central_event_bus_arn == null ? true : can(regex("^arn:aws[a-z-]*:events:[a-z0-9-]+:[0-9]{12}:event-bus/[A-Za-z0-9._/-]+$", var.central_event_bus_arn))
    error_message = "central_event_bus_arn must be an event bus ARN, e.g. arn:aws:events:eu-west-1:123456789012:event-bus/default."
  }
}

variable "event_retry_attempts" {
  description = "Times EventBridge retries forwarding an event before giving up (or sending it to dead_letter_queue_arn)."
  type        = number
  default     = 185
  nullable    = false

  validation {
    condition     = var.event_retry_attempts >= 0 && var.event_retry_attempts <= 185 && floor(var.event_retry_attempts) == var.event_retry_attempts
    error_message = "event_retry_attempts must be a whole number from 0 to 185."
  }
}

variable "event_maximum_age_in_seconds" {
  description = "Longest time EventBridge keeps retrying to forward an event."
  type        = number
  default     = 86400
  nullable    = false

  validation {
    condition     = var.event_maximum_age_in_seconds >= 60 && var.event_maximum_age_in_seconds <= 86400 && floor(var.event_maximum_age_in_seconds) == var.event_maximum_age_in_seconds
    error_message = "event_maximum_age_in_seconds must be a whole number from 60 to 86400."
  }
}

variable "dead_letter_queue_arn" {
  description = "SQS queue in this account for events that could not be forwarded. Its policy must let events.amazonaws.com send from the forwarding rule. Unset: such events are dropped after the retries (the next full sync still catches the change)."
  type        = string
  default     = null

  validation {
    condition     = var.dead_letter_queue_arn == null ? true : can(regex("^arn:aws[a-z-]*:sqs:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,80}$", var.dead_letter_queue_arn))
    error_message = "dead_letter_queue_arn must be an SQS queue ARN."
  }
}

variable "tags" {
  description = "Tags for every resource this module creates."
  type        = map(string)
  default     = {}
  nullable    = false
}
