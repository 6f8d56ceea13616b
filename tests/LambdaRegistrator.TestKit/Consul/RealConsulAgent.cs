using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace LambdaRegistrator.TestKit.Consul;

/// <summary>
/// A <c>consul agent -dev</c> process on free loopback ports (http or https, serf, server, grpc; DNS off), with ACLs
/// (default deny, the given initial management token) and TLS configured through <c>-hcl</c>. For a WAN federation it
/// is started with its own datacenter, <c>primary_datacenter</c> and <c>retry_join_wan</c> to the primary's serf WAN
/// port. Killed on dispose.
/// </summary>
internal sealed class RealConsulAgent : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _output;

    private RealConsulAgent(Process process, StringBuilder output, Uri address, string datacenter, int serfWanPort)
    {
        _process = process;
        _output = output;
        Address = address;
        Datacenter = datacenter;
        SerfWanPort = serfWanPort;
    }

    public Uri Address { get; }

    public string Datacenter { get; }

    /// <summary>The agent's serf WAN port on 127.0.0.1, which secondaries join.</summary>
    public int SerfWanPort { get; }

    private static string Hcl(string text) => text.Replace("\"", "\\\"", StringComparison.Ordinal);

    /// <summary>Starts an agent in <paramref name="datacenter"/>; with <paramref name="joinWan"/> it WAN-joins that serf port.</summary>
    public static async Task<RealConsulAgent> StartAsync(
        string binary, ConsulTargetOptions options, CancellationToken cancellationToken, string datacenter = "dc1", string primaryDatacenter = "dc1", int? joinWan = null)
    {
        var httpPort = FreePort.Next();
        var serfWanPort = FreePort.Next();
        var tls = options.TlsCertificateFile is not null;
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] args =
        [
            "agent", "-dev", "-datacenter", datacenter, "-node", "consul-" + datacenter, "-client", "127.0.0.1", "-bind", "127.0.0.1",
            "-dns-port", "-1",
            "-serf-lan-port", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "-serf-wan-port", serfWanPort.ToString(CultureInfo.InvariantCulture),
            "-server-port", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "-grpc-port", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "-grpc-tls-port", "-1",
        ];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Why: config entries live in the primary; every agent of the federation must name the same one.
        start.ArgumentList.Add("-hcl");
        start.ArgumentList.Add($"primary_datacenter = \"{Hcl(primaryDatacenter)}\"");
        if (joinWan is { } wanPort)
        {
            start.ArgumentList.Add("-retry-join-wan");
            start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{wanPort}"));
        }

        if (tls)
        {
            start.ArgumentList.Add("-hcl");
            start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"ports {{ http = -1 https = {httpPort} }}"));
            start.ArgumentList.Add("-hcl");
            start.ArgumentList.Add($"tls {{ https {{ cert_file = \"{Hcl(options.TlsCertificateFile!)}\" key_file = \"{Hcl(options.TlsKeyFile!)}\" }} }}");
        }
        else
        {
            start.ArgumentList.Add("-http-port");
            start.ArgumentList.Add(httpPort.ToString(CultureInfo.InvariantCulture));
        }

        if (options.AclBootstrapToken is not null)
        {
            start.ArgumentList.Add("-hcl");
            start.ArgumentList.Add(
                $"acl {{ enabled = true default_policy = \"deny\" enable_token_persistence = false tokens {{ initial_management = \"{Hcl(options.AclBootstrapToken)}\" }} }}");
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = new Uri($"{(tls ? "https" : "http")}://127.0.0.1:{httpPort}");
        var agent = new RealConsulAgent(process, output, address, datacenter, serfWanPort);
        try
        {
            await agent.WaitUntilReadyAsync(options.AclBootstrapToken, cancellationToken);
            return agent;
        }
        catch
        {
            await agent.DisposeAsync();
            throw;
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>Waits until <c>GET /v1/catalog/datacenters</c> lists every datacenter (the WAN join has happened).</summary>
    public async Task WaitForDatacentersAsync(IReadOnlyCollection<string> datacenters, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await http.GetStringAsync(new Uri("/v1/catalog/datacenters", UriKind.Relative), cancellationToken);
                if (datacenters.All(dc => last.Contains($"\"{dc}\"", StringComparison.Ordinal)))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not answering yet.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException(
            $"The consul agents did not form a WAN federation of {string.Join(", ", datacenters)} within {StartTimeout.TotalSeconds:0} s (last answer: {last}). Output of {Datacenter}:\n{Output()}");
    }

    private async Task WaitUntilReadyAsync(string? token, CancellationToken cancellationToken)
    {
        // Test-only probe: the agent's certificate is whatever the test generated, so the probe does not verify it.
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
        using var http = new HttpClient(handler) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Add("X-Consul-Token", token);
        }

        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"consul agent -dev exited with code {_process.ExitCode} before becoming ready. Its output:\n{Output()}");
            }

            try
            {
                var leader = await http.GetStringAsync(new Uri("/v1/status/leader", UriKind.Relative), cancellationToken);
                if (leader.Trim().Trim('"').Length > 0)
                {
                    using var services = await http.GetAsync(new Uri("/v1/catalog/services", UriKind.Relative), cancellationToken);
                    if (services.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Probe timed out; try again.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException(
            $"consul agent -dev did not elect a leader and answer /v1/catalog/services within {StartTimeout.TotalSeconds:0} s. Its output:\n{Output()}");
    }

    private string Output()
    {
        lock (_output)
        {
            var text = _output.ToString();
            return text.Length > 4000 ? text[^4000..] : text;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            _process.Dispose();
        }
    }
}
