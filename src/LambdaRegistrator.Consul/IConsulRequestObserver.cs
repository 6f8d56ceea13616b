namespace LambdaRegistrator.Consul;

/// <summary>
/// Told about every HTTP request the Consul client sends (each attempt counts once) and every retry, so a host can
/// count them per invocation and log retries. Called on the sending thread; must be cheap, thread-safe and never throw.
/// </summary>
public interface IConsulRequestObserver
{
    /// <summary>An attempt (1 = the first) of <paramref name="request"/> (<c>METHOD /v1/path</c>, no query) is about to be sent.</summary>
    void RequestSent(string request, int attempt);

    /// <summary>The failed <paramref name="attempt"/> is retried after <paramref name="delay"/>; <paramref name="reason"/> says what failed (no secret).</summary>
    void Retrying(string request, int attempt, TimeSpan delay, string reason);
}
