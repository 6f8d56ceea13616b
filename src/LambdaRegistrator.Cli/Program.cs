using System.Collections;
using System.Runtime.InteropServices;
using LambdaRegistrator.Cli;

// The first Ctrl-C (or SIGTERM) stops new writes and lets the command report what it left; a second one kills.
using var interrupt = new CancellationTokenSource();
void OnSignal(PosixSignalContext context)
{
    if (!interrupt.IsCancellationRequested)
    {
        context.Cancel = true;
        interrupt.Cancel();
    }
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
{
    environment[(string)variable.Key] = (string?)variable.Value;
}

return await CliApplication.RunAsync(args, environment, Console.Out, Console.Error, interrupt.Token);
