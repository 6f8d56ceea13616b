using LambdaRegistrator.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace LambdaRegistrator.Tests.Unit;

/// <summary>
/// Writes already in flight when the deadline token fires may use DEADLINE_MARGIN_MS to finish, measured on the
/// registrator's clock, and no longer: Consul writes and SSM mesh-identity writes alike stop by the invocation's real
/// deadline. The clock here is a fake one, so nothing depends on how fast the machine is.
/// </summary>
public sealed class WriteDeadlineTests
{
    private const int MarginMs = 600_000;

    [Fact]
    public async Task FullSync_ConsulWriteStillRunningAtTheDeadline_IsCancelledWhenTheMarginIsSpentOnTheInjectedClock()
    {
        var time = new FakeTimeProvider();
        var h = new Harness { Time = time };
        h.Lambda.Add("a", Harness.Enabled());
        h.Tagging.MirrorFrom(h.Lambda);
        var held = new Held();
        h.Consul.WriteGate = (write, token) => write == "register a" ? held.HoldAsync(token) : Task.CompletedTask;
        using var deadline = new CancellationTokenSource();
        using var registrator = h.Create(("DEADLINE_MARGIN_MS", MarginMs.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var sync = registrator.FullSyncAsync(dryRun: false, cancellationToken: deadline.Token);
        try
        {
            var token = await held.Started.Task;
            deadline.Cancel();
            time.Advance(TimeSpan.FromMilliseconds(MarginMs - 1));
            Assert.False(token.IsCancellationRequested);

            time.Advance(TimeSpan.FromMilliseconds(1));

            Assert.True(token.IsCancellationRequested, "the write in flight must stop once DEADLINE_MARGIN_MS has passed on the registrator's clock");
        }
        finally
        {
            held.Release();
        }

        var report = await sync;
        var action = Assert.Single(report.Actions);
        Assert.Equal(ActionStatus.Failed, action.Status);
        Assert.Contains("still running when the invocation's deadline", action.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> MeshIdentityWrites => new()
    {
        { "writing the identity of a registered service", "PutParameter" },
        { "deleting the identity of a deregistered service", "DeleteParameter" },
    };

    [Theory]
    [MemberData(nameof(MeshIdentityWrites))]
    public async Task Sync_MeshIdentityWriteStillRunningAtTheDeadline_IsCancelledWhenTheMarginIsSpent(string caseName, string call)
    {
        var time = new FakeTimeProvider();
        var h = new Harness { Time = time };
        h.Lambda.Add("a", Harness.Enabled());
        h.Tagging.MirrorFrom(h.Lambda);
        var environment = new[] { ("CONSUL_EXTENSION_DATA_PREFIX", "/ext"), ("DEADLINE_MARGIN_MS", MarginMs.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        if (call == "DeleteParameter")
        {
            using (var first = h.Create(environment))
            {
                Assert.Equal(SyncOutcome.Succeeded, (await first.FullSyncAsync(dryRun: false)).Outcome);
            }

            h.Lambda.Functions.TryRemove("a", out _);
            h.Tagging.MirrorFrom(h.Lambda);
        }

        var held = new Held();
        h.Parameters.WriteGate = (write, token) => write.StartsWith(call, StringComparison.Ordinal) ? held.HoldAsync(token) : Task.CompletedTask;
        using var deadline = new CancellationTokenSource();
        using var registrator = h.Create(environment);

        var sync = registrator.FullSyncAsync(dryRun: false, cancellationToken: deadline.Token);
        try
        {
            var token = await held.Started.Task;
            deadline.Cancel();
            time.Advance(TimeSpan.FromMilliseconds(MarginMs - 1));
            Assert.False(token.IsCancellationRequested, caseName);

            time.Advance(TimeSpan.FromMilliseconds(1));

            Assert.True(token.IsCancellationRequested, $"{caseName}: the SSM call in flight must stop once DEADLINE_MARGIN_MS has passed");
        }
        finally
        {
            held.Release();
        }

        var report = await sync;
        Assert.Contains(report.Errors, e => e.Contains("mesh identit", StringComparison.OrdinalIgnoreCase));
    }

    // Holds one call in flight until its token is cancelled (or the test releases it), reporting the token it was given.
    private sealed class Held
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<CancellationToken> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task HoldAsync(CancellationToken token)
        {
            Started.TrySetResult(token);
            await _release.Task.WaitAsync(token).ConfigureAwait(false);

            // Why: the test may cancel and release before this thread reaches WaitAsync (Started resumes the test on
            // another thread); WaitAsync then sees a completed task and returns. A held write never succeeds once its
            // token has fired, whatever the order of the two threads.
            token.ThrowIfCancellationRequested();
        }

        public void Release() => _release.TrySetResult();
    }
}
