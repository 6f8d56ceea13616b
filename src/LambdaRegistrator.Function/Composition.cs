using LambdaRegistrator.Logging;

namespace LambdaRegistrator.Function;

/// <summary>
/// The one place where the deployed function is composed: both entry points (<c>bootstrap</c> and
/// <see cref="FunctionHandler"/>) take their initializer from <see cref="CreateInitializer"/>.
/// </summary>
internal static class Composition
{
    /// <summary>
    /// The registrator engine, created once per container from the process environment; its JSON log lines go to
    /// standard output (CloudWatch) at <c>LOG_LEVEL</c>, with the process's <see cref="LogContext.Process"/> keys (the hosts begin
    /// each invocation on the same context).
    /// </summary>
    /// <param name="discoverAccount">True under the managed runtime, which is never told the invoked function ARN: the
    /// account then comes from sts:GetCallerIdentity when neither AWS_ACCOUNT_ID nor REGISTRATOR_ID is set.</param>
    public static IFunctionInitializer CreateInitializer(bool discoverAccount = false) =>
        new RegistratorInitializer(new RegistratorHostOptions { DiscoverAccount = discoverAccount, LogContext = LogContext.Process });
}
