namespace LambdaRegistrator.Function;

/// <summary>
/// Builds the invocation handler once per container (cold start): parses configuration, reads secrets,
/// creates clients. A thrown exception is a fatal init error; throw <see cref="FunctionInitializationException"/>
/// to choose the error type Lambda reports.
/// </summary>
internal interface IFunctionInitializer
{
    /// <summary>Creates the handler from the process environment (<paramref name="environment"/> returns null for unset names).</summary>
    Task<IInvocationHandler> InitializeAsync(Func<string, string?> environment, CancellationToken cancellationToken);
}
