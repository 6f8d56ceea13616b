using LambdaRegistrator.TestKit.Aws;
using System.IO.Compression;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;

namespace LambdaRegistrator.Function.Tests.Packaging;

/// <summary>
/// Loads the dotnet10 package the way the managed runtime does: the assembly, type and method named by the handler
/// string, from the unzipped package, in its own load context; then invokes it with a Stream, against moto_server and
/// the Consul simulator.
/// </summary>
[Collection(PackagedArtifactsGroup.Name)]
public sealed class ManagedPackageTests(PackagedArtifacts artifacts, MotoFixture fixture) : IClassFixture<MotoFixture>
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
    public async Task HandlerString_LoadedFromThePackage_SyncsOnAScheduledEventAndRejectsAMalformedOne()
    {
        await using var world = await RegistratorWorld.StartAsync(fixture.Moto);
        await world.FunctionAsync("orders", ("enabled", "true"));
        await world.FunctionAsync("billing", ("enabled", "true"), ("invocation-mode", "ASYNCHRONOUS"));
        var taskRoot = artifacts.Extract(artifacts.Dotnet10Zip);
        var parts = FunctionHandler.HandlerString.Split("::");
        var context = new PackageLoadContext(Path.Combine(taskRoot, parts[0] + ".dll"));

        // Why: the managed runtime gives the function its configuration as process environment, and a Stream handler
        // is not told its invoked ARN, so the account comes from AWS_ACCOUNT_ID (or REGISTRATOR_ID is set explicitly).
        var environment = world.FunctionEnvironment();
        environment["AWS_ACCOUNT_ID"] = TestKit.Aws.MotoServer.AccountId;
        environment["INVOCATION_TIMEOUT_SECONDS"] = "120";
        var previous = environment.Keys.ToDictionary(name => name, Environment.GetEnvironmentVariable, StringComparer.Ordinal);
        try
        {
            foreach (var (name, value) in environment)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            var assembly = context.LoadFromAssemblyName(new AssemblyName(parts[0]));
            var type = assembly.GetType(parts[1], throwOnError: true)!;
            var method = type.GetMethod(parts[2], BindingFlags.Public | BindingFlags.Instance, [typeof(Stream)])!;
            Assert.Equal(taskRoot, Path.GetDirectoryName(assembly.Location));
            Assert.NotSame(typeof(FunctionHandler), type);
            Assert.Equal(typeof(Task<Stream>), method.ReturnType);
            var handler = Activator.CreateInstance(type)!;

            await using var output = await (Task<Stream>)method.Invoke(handler, [new MemoryStream(RegistratorWorld.SampleEventBytes("scheduled-event.json"))])!;
            using var document = await JsonDocument.ParseAsync(output);
            var summary = document.RootElement;
            Assert.Equal("succeeded", summary.GetProperty("outcome").GetString());
            Assert.Equal(2, summary.GetProperty("registered").GetInt32());
            Assert.Equal(["billing", "orders"], await world.ServiceIdsAsync());
            Assert.Equal("asynchronous", RegistratorWorld.Argument((await world.ServiceDefaultsAsync("billing"))!, "invocationMode"));

            // A malformed event fails the invocation with the package's own InvocationFailedException and the registrator's error type.
            var writes = world.Consul.Stats!.Writes;
            var malformed = (Task<Stream>)method.Invoke(handler, [new MemoryStream("""{"detail-type": "Scheduled Event", "source": """u8.ToArray())])!;
            var thrown = await Assert.ThrowsAnyAsync<Exception>(() => malformed);
            Assert.Equal(typeof(InvocationFailedException).FullName, thrown.GetType().FullName);
            Assert.Equal("Registrator.EventRejected", thrown.GetType().GetProperty(nameof(InvocationFailedException.ErrorType))!.GetValue(thrown));
            Assert.StartsWith("Registrator.EventRejected: ", thrown.Message, StringComparison.Ordinal);
            Assert.Equal(writes, world.Consul.Stats.Writes);
        }
        finally
        {
            foreach (var (name, value) in previous)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

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
