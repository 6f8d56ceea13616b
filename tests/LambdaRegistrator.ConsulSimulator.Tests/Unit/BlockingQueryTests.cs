using LambdaRegistrator.ConsulSimulator.Http;
using LambdaRegistrator.ConsulSimulator.State;
using Microsoft.Extensions.Time.Testing;

namespace LambdaRegistrator.ConsulSimulator.Tests.Unit;

/// <summary>The blocking loop with a content key: an index move without a content change keeps it blocking.</summary>
public sealed class BlockingQueryTests
{
    private sealed class Source
    {
        private readonly Lock _sync = new();
        private int _runs;

        public Lock Sync => _sync;
        public ChangeNotifier Changes { get; } = new();
        public string Content { get; set; } = "a";
        public ulong Index { get; set; } = 10;
        public int Runs => Volatile.Read(ref _runs);

        public (string, ulong) Query()
        {
            Interlocked.Increment(ref _runs);
            return (Content, Index);
        }
    }

    private static async Task WaitForRunsAsync(Source source, int runs)
    {
        while (source.Runs < runs)
        {
            await Task.Yield();
        }
    }

    [Fact]
    public async Task RunAsync_IndexMovesContentSame_KeepsBlockingUntilContentChanges()
    {
        var source = new Source();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = new QueryOptions { Index = 10, Wait = TimeSpan.FromMinutes(5) };
        var query = BlockingQuery.RunAsync(source.Sync, () => source.Changes, options, source.Query, clock, CancellationToken.None, content => content);
        await WaitForRunsAsync(source, 1);

        lock (source.Sync)
        {
            source.Index = 11;
        }

        source.Changes.Notify();
        await WaitForRunsAsync(source, 2);
        lock (source.Sync)
        {
            source.Index = 12;
            source.Content = "b";
        }

        source.Changes.Notify();
        var (content, index) = await query;

        Assert.Equal(("b", 12UL), (content, index));
    }

    [Fact]
    public async Task RunAsync_WithoutContentKey_ReturnsAtTheFirstIndexMove()
    {
        var source = new Source();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = new QueryOptions { Index = 10, Wait = TimeSpan.FromMinutes(5) };
        var query = BlockingQuery.RunAsync(source.Sync, () => source.Changes, options, source.Query, clock, CancellationToken.None);
        await WaitForRunsAsync(source, 1);

        lock (source.Sync)
        {
            source.Index = 11;
        }

        source.Changes.Notify();
        var (content, index) = await query;

        Assert.Equal(("a", 11UL), (content, index));
    }

    [Fact]
    public async Task RunAsync_WaitElapsesOnTheClock_ReturnsTheCurrentResult()
    {
        var source = new Source();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = new QueryOptions { Index = 10, Wait = TimeSpan.FromSeconds(30) };
        var query = BlockingQuery.RunAsync(source.Sync, () => source.Changes, options, source.Query, clock, CancellationToken.None, content => content);
        await WaitForRunsAsync(source, 1);

        while (!query.IsCompleted)
        {
            // Past the wait and its jitter; repeated in case the loop had not yet armed its timer.
            clock.Advance(TimeSpan.FromSeconds(32));
            await Task.Yield();
        }

        var (content, index) = await query;

        Assert.Equal(("a", 10UL), (content, index));
    }
}
