using Microsoft.Extensions.Time.Testing;
using LambdaRegistrator.Cli.Output;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LambdaRegistrator.Cli.Tests;

/// <summary>The progress lines of a long sync, driven by the engine's own log events and a fake clock.</summary>
public sealed class SyncProgressTests
{
    [Fact]
    public void Tick_BeforeAndDuringExecution_SaysWhatIsHappeningAndStopsWhenDone()
    {
        var clock = new FakeTimeProvider();
        using var output = new StringWriter();
        using var progress = new SyncProgress(NullLogger.Instance, output, every: 100, TimeSpan.FromSeconds(2), clock);

        clock.Advance(TimeSpan.FromSeconds(2));
        Planned(progress, actions: 3);
        ActionDone(progress);
        clock.Advance(TimeSpan.FromSeconds(2));
        ActionDone(progress);
        ActionDone(progress);
        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(
            [
                "sync: reading AWS functions and Consul services... 2s",
                "sync: 1/3 action(s) finished (1 done, 0 failed, 0 skipped) 4s",
            ],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void IsEnabled_UserLevelError_StillReceivesTheInformationEventsItCounts()
    {
        using var progress = new SyncProgress(NullLogger.Instance, TextWriter.Null, every: 1, TimeSpan.FromSeconds(2), new FakeTimeProvider());

        Assert.True(progress.IsEnabled(LogLevel.Information));
        Assert.False(progress.IsEnabled(LogLevel.Debug));
    }

    // The engine's event names and fields (src/LambdaRegistrator/Logging/Log.cs), logged as its source generator does.
    private static void Planned(SyncProgress logger, int actions)
    {
        IReadOnlyList<KeyValuePair<string, object?>> state =
            [new("Trigger", "full-sync"), new("Actions", actions), new("Problems", 0), new("Unchanged", 0)];
        logger.Log(LogLevel.Information, new EventId(30, "Planned"), state, null, (_, _) => "Planned");
    }

    private static void ActionDone(SyncProgress logger)
    {
        IReadOnlyList<KeyValuePair<string, object?>> state = [];
        logger.Log(LogLevel.Information, new EventId(40, "ActionDone"), state, null, (_, _) => "done");
    }
}
