namespace LambdaRegistrator.Function.Tests;

/// <summary>A guard so a broken runtime fails a test instead of hanging it; never an assertion about speed.</summary>
internal static class TestTimeout
{
    public static CancellationToken Token(int seconds = 60) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}
