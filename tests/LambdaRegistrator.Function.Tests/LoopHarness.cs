using LambdaRegistrator.TestKit.Lambda;

namespace LambdaRegistrator.Function.Tests;

/// <summary>Runs <see cref="LambdaRuntime"/> in-process against a fresh Runtime API emulator.</summary>
internal sealed class LoopHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _shutdown = new();

    private LoopHarness(LambdaRuntimeApiEmulator emulator) => Emulator = emulator;

    public LambdaRuntimeApiEmulator Emulator { get; }

    public Task<int> Run { get; private set; } = Task.FromResult(-1);

    public static async Task<LoopHarness> StartAsync(IFunctionInitializer initializer, params (string Name, string Value)[] environment)
    {
        var harness = new LoopHarness(await LambdaRuntimeApiEmulator.StartAsync());
        var env = new Dictionary<string, string>(StringComparer.Ordinal) { ["AWS_LAMBDA_RUNTIME_API"] = harness.Emulator.RuntimeApi };
        foreach (var (name, value) in environment)
        {
            env[name] = value;
        }

        harness.Run = Task.Run(() => LambdaRuntime.RunAsync(initializer, name => env.GetValueOrDefault(name), harness._shutdown.Token));
        return harness;
    }

    /// <summary>Requests shutdown and returns the loop's exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _shutdown.CancelAsync();
        return await Run.WaitAsync(TestTimeout.Token());
    }

    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync();
        try
        {
            await Run.WaitAsync(TestTimeout.Token());
        }
        finally
        {
            await Emulator.DisposeAsync();
            _shutdown.Dispose();
        }
    }
}
