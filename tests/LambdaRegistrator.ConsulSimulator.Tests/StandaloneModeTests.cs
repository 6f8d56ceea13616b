using System.Diagnostics;
using LambdaRegistrator.TestKit;

namespace LambdaRegistrator.ConsulSimulator.Tests;

/// <summary>The simulator as its own process: <c>dotnet LambdaRegistrator.ConsulSimulator.dll --port p</c>.</summary>
public sealed class StandaloneModeTests
{
    private static ProcessStartInfo Command(params string[] args)
    {
        var dll = typeof(ConsulSimulatorServer).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    [Fact]
    public async Task Main_Port_PrintsOneListeningLineAndServes()
    {
        var port = FreePort.Next();
        using var process = Process.Start(Command("--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--enterprise"))!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            Assert.Equal($"listening on http://127.0.0.1:{port}", line);

            using var api = new ConsulApi(new Uri($"http://127.0.0.1:{port}"));
            var namespaces = await api.GetAsync("/v1/namespaces");
            Assert.Equal(200, namespaces.Status);
            Assert.Equal("default", namespaces.Json()[0].GetProperty("Name").GetString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        Assert.Equal("", await process.StandardOutput.ReadToEndAsync());
    }

    public static TheoryData<string, string[], string> BadArguments => new()
    {
        { "missing port", [], "--port is required" },
        { "port not a number", ["--port", "x"], "--port must be a number in 1..65535" },
        { "unknown flag", ["--port", "1", "--bogus"], "unknown argument \"--bogus\"" },
        { "cert without key", ["--port", "1", "--tls-cert", "c.pem"], "--tls-cert and --tls-key must be given together" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task Main_BadArguments_ExitsWith2AndSaysWhy(string caseName, string[] args, string message)
    {
        using var process = Process.Start(Command(args))!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 2, caseName);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }
}
