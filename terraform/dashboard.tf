locals {
  # The function's metrics by what they tell, each drawn per trigger (the metric contract in the README).
  sync_metric_groups = [
    { title = "Actions", stat = "Sum", metrics = ["ActionsPlanned", "ActionsSucceeded", "ActionsFailed", "ActionsSkipped"] },
    { title = "Catalog changes", stat = "Sum", metrics = ["Registered", "Updated", "Deregistered", "DriftRepaired"] },
    { title = "Problems", stat = "Sum", metrics = ["Problems", "InvalidTags", "Collisions", "InventoryIncomplete"] },
    { title = "Requests", stat = "Sum", metrics = ["AwsRequests", "AwsThrottles", "ConsulRequests", "ConsulRetries"] },
    { title = "Sync duration (ms, maximum)", stat = "Maximum", metrics = ["SyncDuration"] },
    { title = "Managed services", stat = "Maximum", metrics = ["ManagedServices"] },
  ]
  dashboard_triggers = ["full-sync", "targeted-sync"]

  lambda_widgets = [
    {
      type = "metric", width = 12, height = 6
      properties = {
        title   = "Invocations, errors and throttles"
        region  = local.region
        view    = "timeSeries"
        stat    = "Sum"
        period  = local.sync_period_seconds
        metrics = [for m in ["Invocations", "Errors", "Throttles"] : ["AWS/Lambda", m, "FunctionName", var.name]]
      }
    },
    {
      type = "metric", width = 12, height = 6
      properties = {
        title  = "Duration (ms) against the timeout"
        region = local.region
        view   = "timeSeries"
        period = local.sync_period_seconds
        metrics = [
          ["AWS/Lambda", "Duration", "FunctionName", var.name, { stat = "Average", label = "Average" }],
          ["AWS/Lambda", "Duration", "FunctionName", var.name, { stat = "Maximum", label = "Maximum" }],
        ]
        annotations = { horizontal = [{ label = "timeout", value = var.timeout * 1000 }] }
      }
    },
  ]

  sync_widgets = var.metrics_enabled ? [for g in local.sync_metric_groups : {
    type = "metric", width = 12, height = 6
    properties = {
      title  = g.title
      region = local.region
      view   = "timeSeries"
      stat   = g.stat
      period = local.sync_period_seconds
      metrics = [for p in setproduct(g.metrics, local.dashboard_triggers) :
        [var.metrics_namespace, p[0], "Trigger", p[1], { label = "${p[0]} (${p[1]})" }]
      ]
    }
  }] : []

  queue_widgets = length(local.watched_queues) == 0 ? [] : [{
    type = "metric", width = 12, height = 6
    properties = {
      title   = "Failed events waiting"
      region  = local.region
      view    = "timeSeries"
      stat    = "Maximum"
      period  = 300
      metrics = [for k, q in local.watched_queues : ["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", q, { label = k }]]
    }
  }]
}

resource "aws_cloudwatch_dashboard" "this" {
  count = var.create_dashboard ? 1 : 0

  dashboard_name = var.name
  dashboard_body = jsonencode({ widgets = concat(local.lambda_widgets, local.sync_widgets, local.queue_widgets) })
}
