using System.Diagnostics;
using System.IO.Compression;

namespace LambdaRegistrator.Function.Tests.Packaging;

/// <summary>
/// The deployable zips, each built by <c>scripts/package.sh</c> the first time a test asks for it, and only when it is
/// older than a source that goes into it (so one test run publishes each package at most once, and a second run none);
/// each test extracts what it needs into a temp folder removed at the end.
/// </summary>
public sealed class PackagedArtifacts : IDisposable
{
    private readonly List<string> _extracted = [];
    private readonly Dictionary<string, string> _built = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public PackagedArtifacts()
    {
        Root = FindRepositoryRoot();
    }

    public string Root { get; }

    /// <summary>The provided.al2023 package of <c>x86_64</c>.</summary>
    public string ProvidedZip => Provided("x86_64");

    public string Dotnet10Zip => Build("lambda-registrator-dotnet10.zip", "--only", "dotnet10");

    /// <summary>The provided.al2023 package for <paramref name="arch"/> (x86_64 or arm64), as package.sh names it.</summary>
    public string Provided(string arch) => Build($"lambda-registrator-provided.al2023-{arch}.zip", "--only", "provided", "--arch", arch);

    private string Build(string name, params string[] arguments)
    {
        lock (_gate)
        {
            if (!_built.TryGetValue(name, out var zip))
            {
                zip = Path.Combine(Root, "artifacts", name);
                // A provided.al2023 zip built with --compile r2r holds .NET assemblies; these tests test the default.
                if (!IsFresh(zip) || (name.Contains("provided", StringComparison.Ordinal) && !IsNativeAot(zip)))
                {
                    Package(arguments);
                }

                _built[name] = zip;
            }

            return zip;
        }
    }

    private static bool IsNativeAot(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        return !archive.Entries.Any(e => e.FullName.EndsWith(".dll", StringComparison.Ordinal));
    }

    /// <summary>Unzips <paramref name="zip"/> into a new temp folder, restoring Unix permissions as Lambda does.</summary>
    public string Extract(string zip)
    {
        var target = Directory.CreateTempSubdirectory("lambda-registrator-package-").FullName;
        _extracted.Add(target);
        using var archive = ZipFile.OpenRead(zip);
        foreach (var entry in archive.Entries)
        {
            var path = Path.Combine(target, entry.FullName);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            entry.ExtractToFile(path);
            var mode = (UnixFileMode)((entry.ExternalAttributes >> 16) & 0x1FF);
            if (mode != UnixFileMode.None && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, mode);
            }
        }

        return target;
    }

    public void Dispose()
    {
        foreach (var folder in _extracted)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A process that was just killed may still hold a file for a moment; the OS temp cleaner gets it.
            }
        }
    }

    private bool IsFresh(string zip)
    {
        if (!File.Exists(zip))
        {
            return false;
        }

        var built = File.GetLastWriteTimeUtc(zip);
        string[] inputs = ["scripts/package.sh", "Directory.Build.props", "Directory.Packages.props", "global.json"];
        var newestInput = inputs.Select(p => Path.Combine(Root, p)).Where(File.Exists).Select(File.GetLastWriteTimeUtc)
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "src"), "*", SearchOption.AllDirectories)
                .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal))
                .Select(File.GetLastWriteTimeUtc))
            .Max();
        return built > newestInput;
    }

    private void Package(string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Root, "scripts", "package.sh"), .. arguments])
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/package.sh {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LambdaRegistrator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No LambdaRegistrator.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
