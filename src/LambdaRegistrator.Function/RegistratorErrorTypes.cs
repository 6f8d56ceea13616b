namespace LambdaRegistrator.Function;

/// <summary>
/// Error types the deployed registrator reports to Lambda (<c>Lambda-Runtime-Function-Error-Type</c>, CloudWatch
/// <c>errorType</c>), one per way an init or an invocation can fail, so alarms and EventBridge retries can tell them apart.
/// </summary>
internal static class RegistratorErrorTypes
{
    /// <summary>Init: an environment variable is invalid (every problem is listed in the message).</summary>
    public const string InvalidConfiguration = "Registrator.InvalidConfiguration";

    /// <summary>Init: the Consul ACL token or CA certificate could not be read from SSM (missing, empty, access denied, unreachable).</summary>
    public const string SecretUnavailable = "Registrator.SecretUnavailable";

    /// <summary>Invocation: the event is malformed; nothing was written.</summary>
    public const string EventRejected = "Registrator.EventRejected";

    /// <summary>Invocation: an AWS or Consul read, a Consul write or an extension-data write failed; the rest was still done.</summary>
    public const string ActionsFailed = "Registrator.ActionsFailed";

    /// <summary>Invocation: the deadline minus DEADLINE_MARGIN_MS came before every action started; the next sync does the rest.</summary>
    public const string DeadlineReached = "Registrator.DeadlineReached";
}
