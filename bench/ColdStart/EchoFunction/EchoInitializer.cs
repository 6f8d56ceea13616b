using System.Text;
using LambdaRegistrator.Function;

namespace LambdaRegistrator.Bench.EchoFunction;

/// <summary>Answers every event with a short summary naming its size; measures the host, not the engine.</summary>
internal sealed class EchoInitializer : IFunctionInitializer, IInvocationHandler
{
    public TimeSpan DeadlineMargin => TimeSpan.FromSeconds(2);

    public Task<IInvocationHandler> InitializeAsync(Func<string, string?> environment, CancellationToken cancellationToken) =>
        Task.FromResult<IInvocationHandler>(this);

    public Task<InvocationResult> HandleAsync(ReadOnlyMemory<byte> eventJson, InvocationContext context, CancellationToken cancellationToken) =>
        Task.FromResult(InvocationResult.Success(Encoding.UTF8.GetBytes($$"""{"status":"ok","eventBytes":{{eventJson.Length}}}""")));
}
