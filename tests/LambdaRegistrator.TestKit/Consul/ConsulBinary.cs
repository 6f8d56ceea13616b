using System.Diagnostics;

namespace LambdaRegistrator.TestKit.Consul;

/// <summary>
/// Finds a <c>consul</c> binary on PATH and decides whether Consul tests run against it. The environment variable
/// <c>LAMBDA_REGISTRATOR_CONSUL_TESTS</c> steers it: <c>simulator</c> forces the simulator, <c>consul</c> requires a
/// real consul (tests fail if none is on PATH), unset or anything else uses a real consul when one is present.
/// </summary>
public static class ConsulBinary
{
    /// <summary>The environment variable that selects the Consul test target.</summary>
    public const string ModeVariable = "LAMBDA_REGISTRATOR_CONSUL_TESTS";

    private static readonly Lazy<string?> PathLookup = new(FindOnPath);
    private static readonly Lazy<string> VersionOutput = new(ReadVersionOutput);

    /// <summary>Full path of <c>consul</c> on PATH, or null.</summary>
    public static string? Path => PathLookup.Value;

    /// <summary>True when Consul tests (other than simulator-only ones) run against a real consul.</summary>
    public static bool UseRealConsul =>
        !string.Equals(Environment.GetEnvironmentVariable(ModeVariable), "simulator", StringComparison.OrdinalIgnoreCase)
        && (Path is not null || RealConsulRequired);

    /// <summary>True when <c>LAMBDA_REGISTRATOR_CONSUL_TESTS=consul</c> demands a real consul.</summary>
    public static bool RealConsulRequired =>
        string.Equals(Environment.GetEnvironmentVariable(ModeVariable), "consul", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the consul on PATH is an Enterprise build (<c>consul version</c> shows <c>+ent</c>).</summary>
    public static bool IsEnterprise => VersionOutput.Value.Contains("+ent", StringComparison.Ordinal);

    /// <summary>The version of the consul on PATH (<c>Consul v1.19.2</c> in <c>consul version</c>), or null when unknown.</summary>
    public static Version? Version
    {
        get
        {
            var text = VersionOutput.Value;
            var start = text.IndexOf("Consul v", StringComparison.Ordinal);
            if (start < 0)
            {
                return null;
            }

            var digits = new string(text[(start + 8)..].TakeWhile(c => char.IsAsciiDigit(c) || c == '.').ToArray());
            return System.Version.TryParse(digits, out var version) ? version : null;
        }
    }

    /// <summary>One sentence saying what Consul tests run against, for test output and skip reasons.</summary>
    public static string Describe() => UseRealConsul
        ? $"consul on PATH ({Path ?? "missing"}): tests run against a real 'consul agent -dev'"
        : Path is null
            ? "no consul on PATH: conformance ran against the simulator"
            : $"{ModeVariable}=simulator: conformance ran against the simulator although consul is on PATH";

    private static string? FindOnPath()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var names = OperatingSystem.IsWindows() ? new[] { "consul.exe" } : ["consul"];
        foreach (var directory in path.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = System.IO.Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static string ReadVersionOutput()
    {
        if (Path is null)
        {
            return "";
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo(Path, "version") { RedirectStandardOutput = true, UseShellExecute = false });
            if (process is null)
            {
                return "";
            }

            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(10_000);
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }
}
