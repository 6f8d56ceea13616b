using LambdaRegistrator.ConsulSimulator;

// Standalone mode: `dotnet run --project tests/LambdaRegistrator.ConsulSimulator -- --port 8500 [flags]`.
// Prints exactly one line, "listening on <url>", then serves until killed (Ctrl+C / SIGTERM).
var parsed = StandaloneArguments.Parse(args);
if (parsed.Error is not null)
{
    await Console.Error.WriteLineAsync("consul-simulator: " + parsed.Error);
    await Console.Error.WriteLineAsync(StandaloneArguments.Usage);
    return 2;
}

ConsulSimulatorServer server;
try
{
    server = await ConsulSimulatorServer.StartAsync(parsed.Options!);
}
catch (Exception e) when (e is InvalidOperationException or System.Security.Cryptography.CryptographicException or IOException)
{
    await Console.Error.WriteLineAsync("consul-simulator: " + e.Message);
    return 1;
}

await using (server)
{
    Console.WriteLine($"listening on {server.BaseAddress.GetLeftPart(UriPartial.Authority)}");
    await Console.Out.FlushAsync();
    await server.WaitForShutdownAsync();
}

return 0;
