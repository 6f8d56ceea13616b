using System.Runtime.InteropServices;
using LambdaRegistrator.Bench.EchoFunction;
using LambdaRegistrator.Function;

// Same shape as src/LambdaRegistrator.Function/Program.cs, with the bench's echo composition.
using var shutdown = new CancellationTokenSource();
using var onSigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    shutdown.Cancel();
});
return await LambdaRuntime.RunAsync(new EchoInitializer(), Environment.GetEnvironmentVariable, shutdown.Token);
