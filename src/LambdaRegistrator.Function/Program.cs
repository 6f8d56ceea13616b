using System.Runtime.InteropServices;
using LambdaRegistrator.Function;

// The provided.al2023 entry point (`bootstrap`): serve the Runtime API until SIGTERM.
using var shutdown = new CancellationTokenSource();
using var onSigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    shutdown.Cancel();
});
return await LambdaRuntime.RunAsync(Composition.CreateInitializer(), Environment.GetEnvironmentVariable, shutdown.Token);
