namespace LambdaRegistrator.Function;

/// <summary>
/// The one place where the deployed function is composed: both entry points (<c>bootstrap</c> and
/// <see cref="FunctionHandler"/>) take their initializer from <see cref="CreateInitializer"/>.
/// </summary>
internal static class Composition
{
    /// <summary>
    /// INTEGRATION POINT for the shell (src/LambdaRegistrator): return an <see cref="IFunctionInitializer"/> that parses
    /// the registrator configuration, reads secrets, builds the AWS and Consul clients and returns an
    /// <see cref="IInvocationHandler"/> that classifies the event, reconciles, and answers with the run summary.
    /// Until then this build refuses to start, so a package built without the engine fails loudly at cold start
    /// (<c>Runtime.EngineNotComposed</c> on /init/error) instead of reporting successful syncs it never did.
    /// </summary>
    public static IFunctionInitializer CreateInitializer() => new EngineNotComposed();

    private sealed class EngineNotComposed : IFunctionInitializer
    {
        public Task<IInvocationHandler> InitializeAsync(Func<string, string?> environment, CancellationToken cancellationToken) =>
            Task.FromException<IInvocationHandler>(new FunctionInitializationException(
                "Runtime.EngineNotComposed",
                "This build of LambdaRegistrator.Function has no registrator engine: Composition.CreateInitializer() does not "
                + "compose the shell yet. Deploy a package built from a release where it does."));
    }
}
