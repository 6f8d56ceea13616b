using System.IO.Compression;
using System.Reflection;
using System.Runtime.Loader;

namespace LambdaRegistrator.Function.Tests.Packaging;

/// <summary>
/// Loads the dotnet10 package the way the managed runtime does: the assembly, type and method named by the handler
/// string, from the unzipped package, in its own load context; then invokes it with a Stream.
/// </summary>
/// <remarks>
/// SHELL INTEGRATOR: once the engine is composed, add a success case here (a Scheduled Event against moto_server and
/// the Consul simulator returns the JSON summary stream).
/// </remarks>
[Collection(PackagedArtifactsGroup.Name)]
public sealed class ManagedPackageTests(PackagedArtifacts artifacts)
{
    [Fact]
    public void Dotnet10Zip_Layout_HasTheHandlerAssemblyDepsAndRuntimeConfigAtTheRoot()
    {
        using var zip = ZipFile.OpenRead(artifacts.Dotnet10Zip);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("LambdaRegistrator.Function.dll", names);
        Assert.Contains("LambdaRegistrator.Function.deps.json", names);
        Assert.Contains("LambdaRegistrator.Function.runtimeconfig.json", names);
        Assert.DoesNotContain("bootstrap", names);
        Assert.DoesNotContain(names, n => n.EndsWith(".pdb", StringComparison.Ordinal) || n.Contains('/', StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandlerString_LoadedFromThePackage_InvokesStreamInStreamOut()
    {
        var taskRoot = artifacts.Extract(artifacts.Dotnet10Zip);
        var parts = FunctionHandler.HandlerString.Split("::");
        var context = new PackageLoadContext(Path.Combine(taskRoot, parts[0] + ".dll"));
        try
        {
            var assembly = context.LoadFromAssemblyName(new AssemblyName(parts[0]));
            var type = assembly.GetType(parts[1], throwOnError: true)!;
            var method = type.GetMethod(parts[2], BindingFlags.Public | BindingFlags.Instance, [typeof(Stream)])!;
            Assert.Equal(taskRoot, Path.GetDirectoryName(assembly.Location));
            Assert.NotSame(typeof(FunctionHandler), type);
            Assert.Equal(typeof(Task<Stream>), method.ReturnType);

            var handler = Activator.CreateInstance(type)!;
            var invocation = (Task<Stream>)method.Invoke(handler, [new MemoryStream("""{"detail-type": "Scheduled Event", "source": """u8.ToArray())])!;

            // A malformed event (or, before the engine is composed, any event) fails the invocation with the
            // package's own InvocationFailedException carrying a Category.Reason error type.
            var thrown = await Assert.ThrowsAnyAsync<Exception>(() => invocation);
            Assert.Equal(typeof(InvocationFailedException).FullName, thrown.GetType().FullName);
            var errorType = (string)thrown.GetType().GetProperty(nameof(InvocationFailedException.ErrorType))!.GetValue(thrown)!;
            Assert.Matches(@"^[A-Za-z]+\.[A-Za-z.]+$", errorType);
            Assert.StartsWith(errorType + ": ", thrown.Message, StringComparison.Ordinal);
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Resolves the package's assemblies from its deps.json, like the managed runtime does from the task root.</summary>
    private sealed class PackageLoadContext(string mainAssembly) : AssemblyLoadContext("lambda-package", isCollectible: true)
    {
        private readonly AssemblyDependencyResolver _resolver = new(mainAssembly);

        protected override Assembly? Load(AssemblyName assemblyName) =>
            _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }
}
