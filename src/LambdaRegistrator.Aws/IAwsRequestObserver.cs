namespace LambdaRegistrator.Aws;

/// <summary>
/// Told about every HTTP request the AWS clients send (each attempt of a call counts once), every throttling answer
/// and every retry, so a host can count them per invocation and log retries. Called on the sending thread; must be
/// cheap, thread-safe and never throw.
/// </summary>
public interface IAwsRequestObserver
{
    /// <summary>An attempt of <paramref name="operation"/> (1 = the first) is about to be sent to <paramref name="service"/>.</summary>
    void RequestSent(string service, string operation, int attempt);

    /// <summary>AWS answered the attempt with a throttling error (HTTP 429 or a throttling error code).</summary>
    void Throttled(string service, string operation, int attempt);

    /// <summary>The failed <paramref name="attempt"/> is retried after <paramref name="delay"/>; <paramref name="reason"/> is the error code.</summary>
    void Retrying(string service, string operation, int attempt, TimeSpan delay, string reason);
}
