using System.Text.Json;

namespace LambdaRegistrator.Function.Tests.Engine;

public sealed class RegistratorInvocationHandlerTests
{
    public static TheoryData<string, SyncReport, string?, string> Outcomes => new()
    {
        { "full sync done", new SyncReport { Trigger = SyncTrigger.FullSync }, null, "\"outcome\":\"succeeded\"" },
        { "event needs no work", new SyncReport { Trigger = SyncTrigger.Ignored, Reason = "CreateAlias20150331 is not a function change" }, null, "\"outcome\":\"ignored\"" },
        {
            "malformed event", new SyncReport { Trigger = SyncTrigger.Rejected, Reason = "the event is not JSON" },
            "Registrator.EventRejected", "The event was rejected and nothing was written: the event is not JSON."
        },
        {
            "Consul read failed", new SyncReport { Trigger = SyncTrigger.FullSync, Errors = ["Reading the catalog of node lambdas failed: connection refused"] },
            "Registrator.ActionsFailed", "0 of 0 actions failed and 1 other operations failed"
        },
        {
            "deadline before the plan", new SyncReport { Trigger = SyncTrigger.FullSync, DeadlineReached = true, Reason = "deadline" },
            "Registrator.DeadlineReached", "no plan was made and nothing was written"
        },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void ToResult_ReportOutcome_MapsToSuccessOrATypedFailure(string scenario, SyncReport report, string? errorType, string fragment)
    {
        _ = scenario;

        var result = RegistratorInvocationHandler.ToResult(report);

        Assert.Equal(errorType, result.ErrorType);
        if (errorType is null)
        {
            Assert.True(result.IsSuccess);
            Assert.Equal(report.ToJson(), result.ResponseJson.ToArray());
            Assert.Contains(fragment, JsonDocument.Parse(result.ResponseJson).RootElement.GetRawText(), StringComparison.Ordinal);
        }
        else
        {
            Assert.False(result.IsSuccess);
            Assert.Contains(fragment, result.ErrorMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ToResult_Failed_MessageCarriesTheSummaryWithEachFailure()
    {
        var report = new SyncReport { Trigger = SyncTrigger.TargetedSync, Function = "orders", Errors = ["GetFunction orders failed: throttled"] };

        var result = RegistratorInvocationHandler.ToResult(report);

        Assert.EndsWith("Summary: " + report, result.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("GetFunction orders failed: throttled", result.ErrorMessage, StringComparison.Ordinal);
    }
}
