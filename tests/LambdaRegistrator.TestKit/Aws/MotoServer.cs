using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace LambdaRegistrator.TestKit.Aws;

/// <summary>
/// A <c>moto_server</c> child process on a free 127.0.0.1 port: AWS Lambda, Tagging, IAM and SSM emulation for
/// adapter tests. Disposing (or the test process exiting) kills it.
/// </summary>
public sealed class MotoServer : IAsyncDisposable
{
    /// <summary>The account moto puts in every ARN.</summary>
    public const string AccountId = "123456789012";

    /// <summary>The region the clients sign for; moto picks its backend region from the signature.</summary>
    public const string Region = "us-east-1";

    /// <summary>The fake access key id moto accepts (signature checking is off by default).</summary>
    public const string AccessKeyId = "testing";

    /// <summary>The fake secret access key moto accepts.</summary>
    public const string SecretAccessKey = "testing";

    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly EventHandler _onExit;
    private int _disposed;

    private MotoServer(Process process, StringBuilder output, Uri endpoint)
    {
        _process = process;
        _output = output;
        Endpoint = endpoint;
        Seed = new MotoSeeder(endpoint, Region);
        _onExit = (_, _) => Kill();
        AppDomain.CurrentDomain.ProcessExit += _onExit;
    }

    /// <summary>The server's base URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Creates IAM roles, functions, versions, aliases, tags and parameters in this server.</summary>
    public MotoSeeder Seed { get; }

    /// <summary>A seeder for another region of the same account (dispose it).</summary>
    public MotoSeeder SeedIn(string region) => new(Endpoint, region);

    /// <summary>A seeder for a region of another account, through an assumed role of that account (dispose it).</summary>
    public Task<MotoSeeder> SeedInAsync(string accountId, string region, CancellationToken cancellationToken = default) =>
        MotoSeeder.InAccountAsync(Endpoint, region, accountId, cancellationToken);

    /// <summary>
    /// Starts moto_server and waits until it answers.
    /// </summary>
    /// <exception cref="InvalidOperationException">moto_server is not installed or did not start; the message says how to fix it.</exception>
    public static async Task<MotoServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var port = FreePort.Next();
        var output = new StringBuilder();
        var startInfo = new ProcessStartInfo("moto_server")
        {
            ArgumentList = { "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.Environment["MOTO_ALLOW_NONEXISTENT_REGION"] = "true";
        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new InvalidOperationException("moto_server did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                "moto_server is not on PATH. Install it with `pip install \"moto[server]>=5.2\"` (or `pipx install \"moto[server]\"`) and re-run the tests.",
                exception);
        }

        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var endpoint = new Uri($"http://127.0.0.1:{port}");
        var server = new MotoServer(process, output, endpoint);
        try
        {
            await server.WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The environment the AWS clients should see: this endpoint for every service, fake credentials, the region.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment => EnvironmentFor(Endpoint);

    /// <summary>The same environment, but with every service endpoint pointing at <paramref name="endpoint"/> (e.g. a fault proxy).</summary>
    public static IReadOnlyDictionary<string, string> EnvironmentFor(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_ENDPOINT_URL"] = endpoint.AbsoluteUri.TrimEnd('/'),
            ["AWS_REGION"] = Region,
            ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
    }

    /// <summary>Reads a variable of <see cref="Environment"/>; pass it to <c>AwsClients.Create</c>.</summary>
    public string? GetEnvironmentVariable(string name) => Environment.TryGetValue(name, out var value) ? value : null;

    /// <summary>Forgets every resource (moto's <c>/moto-api/reset</c>), so a test starts from an empty account.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(Endpoint, "/moto-api/reset"), null, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit -= _onExit;
            Kill();
            _process.Dispose();
            Seed.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            if (output.Length < 16_000)
            {
                output.AppendLine(line);
            }
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"moto_server exited with code {_process.ExitCode} before answering on {Endpoint}. Its output:\n{Output()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "/moto-api/data.json"), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}
