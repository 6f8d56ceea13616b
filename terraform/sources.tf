locals {
  # Each source as the function reads it: the registrator's region where regions is omitted, and only the keys that
  # are set (jsonencode would write null for the others).
  sources = [for s in var.sources : merge(
    { regions = s.regions == null ? [local.region] : s.regions },
    s.role_arn == null ? {} : { role_arn = s.role_arn },
    s.external_id == null ? {} : { external_id = s.external_id },
    s.registrator_id == null ? {} : { registrator_id = s.registrator_id },
    length(s.include) == 0 ? {} : { include = s.include },
    length(s.exclude) == 0 ? {} : { exclude = s.exclude },
  )]

  source_role_arns = distinct(compact([for s in var.sources : s.role_arn]))
  # Role ARNs were validated, so each names its account.
  source_role_accounts = distinct([for arn in local.source_role_arns : regex("^arn:[^:]+:iam::([0-9]{12}):", arn)[0]])

  # Regions of the registrator's own account it inventories with its own credentials (none when every source is
  # reached through a role).
  own_regions = length(var.sources) == 0 ? [local.region] : distinct(flatten([
    for s in var.sources : coalesce(s.regions, [local.region]) if s.role_arn == null
  ]))

  # "<account>/<region>" of every source, the key the function selects a source by.
  source_keys = flatten([for s in var.sources : [
    for r in coalesce(s.regions, [local.region]) : "${s.role_arn == null ? local.account : regex("^arn:[^:]+:iam::([0-9]{12}):", s.role_arn)[0]}/${r}"
  ]])

  # Accounts whose Lambda CloudTrail events the registrator acts on; with sources, events of any other account
  # (allowed on the bus, e.g. the whole organization) do not invoke it.
  event_accounts = distinct(concat(length(local.own_regions) > 0 ? [local.account] : [], local.source_role_accounts))

  # Accounts granted events:PutEvents on the default bus one by one: as given; else none when the whole
  # organization is granted; else every member account of the sources.
  put_events_accounts = var.event_source_accounts != null ? toset(var.event_source_accounts) : (
    var.event_source_organization_id != null ? toset([]) : toset([for a in local.source_role_accounts : a if a != local.account])
  )
}
