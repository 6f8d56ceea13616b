using LambdaRegistrator.Cli.Output;
using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Cli.Tests;

/// <summary>
/// The whole <c>--output json</c> document of one report, byte for byte: field names, their order, which are omitted
/// when null and which are always present. docs/cli.md promises fields are added, never renamed or dropped; a change
/// here is a change of that contract (the one reordering so far: a problem's <c>function</c> now follows its scope, as
/// an action's does).
/// </summary>
public sealed class ReportDocumentShapeTests
{
    private const string Orders = "arn:aws:lambda:us-east-1:123456789012:function:orders";

    [Fact]
    public async Task WriteAsync_Json_HasTheDocumentedShape()
    {
        var function = LambdaArn.Parse(Orders);
        var register = new PlanAction(PlanActionKind.Register, new ServiceKey(null, null, null, "orders"), function, [], "new function", null);
        var update = new PlanAction(PlanActionKind.Update, new ServiceKey("dc2", "ap1", "ns1", "orders-live"), function, [], "meta drifted", null);
        var problem = new PlanProblem(PlanProblemKind.InvalidTags, function, new ServiceKey("dc2", null, null, "orders"), "bad tag; fix it");
        var report = new SyncReport
        {
            Trigger = SyncTrigger.TargetedSync,
            Function = Orders,
            Plan = new Plan([register, update], [problem], 4, function),
            Actions = [new ActionOutcome(register, ActionStatus.Done), new ActionOutcome(update, ActionStatus.Failed, "Consul said 500; retry")],
            Errors = ["GetFunction billing failed"],
            Reason = "stopped",
        };
        using var output = new StringWriter();

        await ReportWriter.WriteAsync(report, OutputFormat.Json, output, CancellationToken.None);

        Assert.Equal(Expected.ReplaceLineEndings(), output.ToString().ReplaceLineEndings().TrimEnd());
    }

    private const string Expected = """
        {
          "outcome": "failed",
          "trigger": "targeted-sync",
          "function": "arn:aws:lambda:us-east-1:123456789012:function:orders",
          "dryRun": false,
          "actions": [
            {
              "action": "register",
              "service": "orders",
              "function": "arn:aws:lambda:us-east-1:123456789012:function:orders",
              "reason": "new function",
              "status": "done"
            },
            {
              "action": "update",
              "service": "orders-live",
              "datacenter": "dc2",
              "partition": "ap1",
              "namespace": "ns1",
              "function": "arn:aws:lambda:us-east-1:123456789012:function:orders",
              "reason": "meta drifted",
              "status": "failed",
              "message": "Consul said 500; retry"
            }
          ],
          "problems": [
            {
              "kind": "invalid-tags",
              "service": "orders",
              "datacenter": "dc2",
              "function": "arn:aws:lambda:us-east-1:123456789012:function:orders",
              "message": "bad tag; fix it"
            }
          ],
          "errors": [
            "GetFunction billing failed"
          ],
          "unchanged": 4,
          "reason": "stopped",
          "summary": {
            "outcome": "failed",
            "trigger": "targeted-sync",
            "function": "arn:aws:lambda:us-east-1:123456789012:function:orders",
            "registered": 1,
            "updated": 1,
            "deregistered": 0,
            "unchanged": 4,
            "done": 1,
            "failed": 1,
            "skipped": 0,
            "problems": 1,
            "problemsByKind": {
              "InvalidTags": 1
            },
            "failures": [
              "failed: update orders-live (dc=dc2 partition=ap1 ns=ns1): meta drifted (Consul said 500; retry)",
              "GetFunction billing failed"
            ],
            "reason": "stopped",
            "durationMs": 0,
            "metrics": {
              "SyncDuration": 0,
              "ActionsPlanned": 2,
              "ActionsSucceeded": 1,
              "ActionsFailed": 1,
              "ActionsSkipped": 0,
              "Registered": 1,
              "Updated": 0,
              "Deregistered": 0,
              "DriftRepaired": 0,
              "Problems": 1,
              "InvalidTags": 1,
              "Collisions": 0,
              "InventoryIncomplete": 0,
              "ManagedServices": 6,
              "AwsRequests": 0,
              "AwsThrottles": 0,
              "ConsulRequests": 0,
              "ConsulRetries": 0
            }
          }
        }
        """;
}
