using System.Diagnostics;
using System.IO.Compression;

namespace LambdaRegistrator.Function.Tests.Packaging;

/// <summary>
/// The two deployable zips, built by <c>scripts/package.sh</c> once per test run unless both are newer than every
/// source that goes into them; each test extracts what it needs into a temp folder removed at the end.
/// </summary>
public sealed class PackagedArtifacts : IDisposable
{
    private readonly List<string> _extracted = [];

    public PackagedArtifacts()
    {
        Root = FindRepositoryRoot();
        ProvidedZip = Path.Combine(Root, "artifacts", "lambda-registrator-provided.al2023-x86_64.zip");
        Dotnet10Zip = Path.Combine(Root, "artifacts", "lambda-registrator-dotnet10.zip");
        if (!IsFresh(ProvidedZip) || !IsFresh(Dotnet10Zip))
        {
            Package();
        }
    }

    public string Root { get; }

    public string ProvidedZip { get; }

    public string Dotnet10Zip { get; }

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

    private void Package()
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Root, "scripts", "package.sh")])
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
            throw new InvalidOperationException($"scripts/package.sh failed with exit code {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
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
