using LambdaRegistrator.Function.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace LambdaRegistrator.Function.Tests.Runtime;

public sealed class InvocationDeadlineTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, TimeSpan, TimeSpan, TimeSpan?> Cases => new()
    {
        { "a 15 minute invocation with the default margin", TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(898) },
        { "no margin", TimeSpan.FromSeconds(30), TimeSpan.Zero, TimeSpan.FromSeconds(30) },
        { "deadline inside the margin is due now", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.Zero },
        { "deadline already passed is due now", TimeSpan.FromSeconds(-10), TimeSpan.FromSeconds(2), TimeSpan.Zero },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TimeUntilStop_DeadlineAndMargin_IsDeadlineMinusMarginNeverNegative(string scenario, TimeSpan deadlineFromNow, TimeSpan margin, TimeSpan? expected)
    {
        _ = scenario;
        Assert.Equal(expected, InvocationDeadline.TimeUntilStop(Now + deadlineFromNow, margin, Now));
    }

    [Fact]
    public void TimeUntilStop_NoDeadline_IsNull()
    {
        Assert.Null(InvocationDeadline.TimeUntilStop(DateTimeOffset.MaxValue, TimeSpan.FromSeconds(2), Now));
    }

    public static TheoryData<string, string?, DateTimeOffset?> Headers => new()
    {
        { "the documented example", "1542409706888", DateTimeOffset.FromUnixTimeMilliseconds(1542409706888) },
        { "absent", null, null },
        { "not a number", "tomorrow", null },
        { "negative", "-5", null },
        { "beyond year 9999", "999999999999999999", null },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void Parse_DeadlineHeader_IsUnixEpochMilliseconds(string scenario, string? header, DateTimeOffset? expected)
    {
        _ = scenario;
        Assert.Equal(expected, InvocationDeadline.Parse(header));
    }

    [Fact]
    public void CreateTokenSource_ShutdownRequested_CancelsTheInvocationToken()
    {
        using var shutdown = new CancellationTokenSource();
        var clock = new FakeTimeProvider(Now);
        using var source = InvocationDeadline.CreateTokenSource(Now.AddHours(1), TimeSpan.FromSeconds(2), clock, shutdown.Token);
        Assert.False(source.IsCancellationRequested);

        shutdown.Cancel();

        Assert.True(source.IsCancellationRequested);
    }

    [Fact]
    public void CreateTokenSource_InjectedClock_FiresWhenThatClockReachesDeadlineMinusMargin()
    {
        var clock = new FakeTimeProvider(Now);
        using var source = InvocationDeadline.CreateTokenSource(Now.AddSeconds(30), TimeSpan.FromSeconds(2), clock, CancellationToken.None);

        // Why: the wall clock plays no part; only the injected clock moves the deadline.
        clock.Advance(TimeSpan.FromSeconds(28) - TimeSpan.FromTicks(1));
        Assert.False(source.IsCancellationRequested);

        clock.Advance(TimeSpan.FromTicks(1));
        Assert.True(source.IsCancellationRequested);
    }

    [Fact]
    public void CreateTokenSource_DeadlineInsideTheMargin_IsCancelledAtOnce()
    {
        var clock = new FakeTimeProvider(Now);
        using var source = InvocationDeadline.CreateTokenSource(Now.AddSeconds(1), TimeSpan.FromSeconds(2), clock, CancellationToken.None);

        Assert.True(source.IsCancellationRequested);
    }

    [Fact]
    public void CreateTokenSource_NoDeadline_NeverFiresOnItsOwn()
    {
        var clock = new FakeTimeProvider(Now);
        using var source = InvocationDeadline.CreateTokenSource(DateTimeOffset.MaxValue, TimeSpan.FromSeconds(2), clock, CancellationToken.None);

        clock.Advance(TimeSpan.FromDays(30));

        Assert.False(source.IsCancellationRequested);
    }
}
