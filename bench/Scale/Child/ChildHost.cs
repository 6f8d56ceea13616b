using System.Diagnostics;
using System.Globalization;
using System.Text;
using LambdaRegistrator.Aws;
using LambdaRegistrator.Bench.Scale.GoEquivalent;
using LambdaRegistrator.Consul;

namespace LambdaRegistrator.Bench.Scale.Child;

/// <summary>
/// The measured process: one per scenario, hosting either the engine (<see cref="Registrator"/>, composed from the
/// environment like the deployed function) or the Go-equivalent strategy. The orchestrator drives it over stdin with
/// <c>sync</c>, <c>event &lt;arn&gt;</c> and <c>quit</c>; each sync answers <c>done &lt;ms&gt; &lt;summary&gt;</c>, where the
/// time covers the sync call only, and <c>quit</c> answers <c>rss &lt;VmHWM kB&gt;</c>.
/// </summary>
internal static class ChildHost
{
    /// <summary>The Lambda timeout the bench assumes (the deployed function's maximum, 5 minutes here).</summary>
    public static readonly TimeSpan LambdaTimeout = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(string strategy, Uri aws, Uri consul, string logPath)
    {
        var environment = BenchEnvironment.For(aws, consul, strategy == Strategies.Go ? Strategies.ListFunctions : strategy);
        string? Get(string name) => environment.GetValueOrDefault(name);
        var scheduled = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "events", "scheduled-event.json"));
        var tagResource = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "events", "tag-resource.json"));
        await using var log = new StreamWriter(logPath, append: true, new UTF8Encoding(false));
        Registrator? engine = null;
        AwsClients? awsClients = null;
        ConsulClient? consulClient = null;
        GoEquivalentStrategy? go = null;
        try
        {
            if (strategy == Strategies.Go)
            {
                awsClients = AwsClients.Create(Get);
                consulClient = new ConsulClient(ConsulClientOptions.FromEnvironment(Get));
                go = new GoEquivalentStrategy(awsClients.Lambda, consulClient, "lambdas", 50);
            }
            else
            {
                engine = await Registrator.CreateAsync(Get, new RegistratorHostOptions { LogOutput = log });
            }

            Console.Out.WriteLine("ready");
            await Console.Out.FlushAsync();
            while (await Console.In.ReadLineAsync() is { } line)
            {
                if (line == "quit")
                {
                    Console.Out.WriteLine($"rss {PeakRssKilobytes().ToString(CultureInfo.InvariantCulture)}");
                    await Console.Out.FlushAsync();
                    return 0;
                }

                var eventTarget = line.StartsWith("event ", StringComparison.Ordinal) ? line["event ".Length..] : null;
                if (line != "sync" && eventTarget is null)
                {
                    Console.Out.WriteLine($"error unknown command '{line}'");
                    await Console.Out.FlushAsync();
                    continue;
                }

                using var deadline = new CancellationTokenSource(LambdaTimeout - TimeSpan.FromSeconds(2));
                string summary;
                var watch = Stopwatch.StartNew();
                if (go is not null)
                {
                    var result = eventTarget is null
                        ? await go.FullSyncAsync(CancellationToken.None)
                        : await go.HandleFunctionEventAsync(eventTarget, CancellationToken.None);
                    watch.Stop();
                    summary = $"{{\"outcome\":\"{(result.Errors.Count == 0 ? "succeeded" : "failed")}\",\"upserts\":{result.Upserts},\"deletes\":{result.Deletes},\"errors\":{result.Errors.Count}}}";
                    foreach (var error in result.Errors.Take(3))
                    {
                        Console.Out.WriteLine($"note {error}");
                    }
                }
                else
                {
                    var json = eventTarget is null
                        ? scheduled
                        : tagResource.Replace("arn:aws:lambda:us-east-1:123456789012:function:orders", eventTarget, StringComparison.Ordinal);
                    var report = await engine!.HandleEventAsync(Encoding.UTF8.GetBytes(json), SyncContext.None, deadline.Token);
                    watch.Stop();
                    summary = report.ToString();
                }

                Console.Out.WriteLine($"done {watch.Elapsed.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture)} {summary}");
                await Console.Out.FlushAsync();
            }

            return 0;
        }
        finally
        {
            engine?.Dispose();
            awsClients?.Dispose();
            consulClient?.Dispose();
        }
    }

    /// <summary>VmHWM (peak resident set) of this process, in kB; 0 where /proc is unavailable.</summary>
    public static long PeakRssKilobytes()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return 0;
        }

        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var digits = new string([.. line.Where(char.IsAsciiDigit)]);
                return long.Parse(digits, CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
