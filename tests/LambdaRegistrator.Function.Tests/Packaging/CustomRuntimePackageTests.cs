using System.IO.Compression;
using System.Text.Json;
using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.TestKit.Aws;
using LambdaRegistrator.TestKit.Consul;
using LambdaRegistrator.TestKit.Lambda;

namespace LambdaRegistrator.Function.Tests.Packaging;

/// <summary>
/// Runs the provided.al2023 package of one architecture the way Lambda does: unzip, start <c>bootstrap</c> with
/// Lambda's environment against the Runtime API emulator (and moto_server and the Consul simulator), feed it events,
/// and look at what it posted, what it wrote to Consul and how it exited. The arm64 package runs under qemu-user on
/// an x86_64 machine.
/// </summary>
public abstract class CustomRuntimePackageTests(PackagedArtifacts artifacts, MotoFixture fixture, string arch)
{
    private const string AclToken = "5d1e7c3a-e2e-secret-acl-token-9b8f7e6d5c4b";
    private const string MalformedEvent = """{"detail-type": "Scheduled Event", "source": """;

    private string Zip => artifacts.Provided(arch);

    private string? Emulator => arch == "arm64" ? Arm64Emulation.Qemu : null;

    /// <summary>
    /// The Native AOT package is one file: <c>bootstrap</c>, an executable ELF for the architecture (no .NET assemblies,
    /// no debug symbols).
    /// </summary>
    protected void LayoutIsOneNativeBootstrap()
    {
        using var zip = ZipFile.OpenRead(Zip);

        var bootstrap = Assert.Single(zip.Entries);
        Assert.Equal("bootstrap", bootstrap.FullName);
        Assert.Equal(0b111_101_101, (bootstrap.ExternalAttributes >> 16) & 0x1FF);
        using var stream = bootstrap.Open();
        var header = new byte[20];
        stream.ReadExactly(header);
        Assert.Equal([0x7F, (byte)'E', (byte)'L', (byte)'F'], header[..4]);
        // ELF e_machine: 62 = EM_X86_64, 183 = EM_AARCH64.
        Assert.Equal(arch == "arm64" ? 183 : 62, BitConverter.ToUInt16(header, 18));
    }

    protected async Task SyncsOnScheduledAndCloudTrailEventsAndRejectsAMalformedOne()
    {
        await using var world = await RegistratorWorld.StartAsync(fixture.Moto);
        await world.FunctionAsync("orders", ("enabled", "true"), ("aliases", "live"));
        await world.AliasAsync("orders", "live");
        var billing = await world.FunctionAsync("billing", ("enabled", "true"));
        await world.FunctionAsync("inventory", ("enabled", "true"), ("payload-passthrough", "true"));
        await world.FunctionAsync("untagged");
        await using var emulator = await LambdaRuntimeApiEmulator.StartAsync();
        var taskRoot = artifacts.Extract(Zip);
        var environment = BootstrapProcess.LambdaEnvironment(emulator.RuntimeApi, taskRoot);
        foreach (var (name, value) in world.FunctionEnvironment())
        {
            environment[name] = value;
        }

        environment["LOG_LEVEL"] = "debug";
        using var bootstrap = BootstrapProcess.Start(taskRoot, environment, Emulator);

        // Scheduled Event: full sync. The account comes from the invoked function ARN the Runtime API sends.
        var scheduled = await emulator.WaitForResultAsync(emulator.Enqueue(RegistratorWorld.SampleEvent("scheduled-event.json")), TestTimeout.Token(120));
        var full = Summary(scheduled);
        Assert.Equal("succeeded", full.GetProperty("outcome").GetString());
        Assert.Equal("full-sync", full.GetProperty("trigger").GetString());
        Assert.Equal(4, full.GetProperty("registered").GetInt32());
        Assert.Equal(["billing", "inventory", "orders", "orders-live"], await world.ServiceIdsAsync());
        var live = (await world.ServiceDefaultsAsync("orders-live"))!;
        Assert.EndsWith(":function:orders:live", RegistratorWorld.Argument(live, "arn"), StringComparison.Ordinal);
        Assert.Equal("synchronous", RegistratorWorld.Argument((await world.ServiceDefaultsAsync("billing"))!, "invocationMode"));

        // TagResource on billing after its tags changed in AWS: targeted sync, one update.
        await world.Moto.Seed.TagResourceAsync(billing, RegistratorWorld.Tags(("invocation-mode", "ASYNCHRONOUS")));
        var tagged = Summary(await emulator.WaitForResultAsync(emulator.Enqueue(RegistratorWorld.SampleEvent("tag-resource.json", "billing")), TestTimeout.Token(120)));
        Assert.Equal("targeted-sync", tagged.GetProperty("trigger").GetString());
        Assert.Equal(1, tagged.GetProperty("updated").GetInt32());
        Assert.Equal("asynchronous", RegistratorWorld.Argument((await world.ServiceDefaultsAsync("billing"))!, "invocationMode"));

        // DeleteFunction after inventory was deleted in AWS: deregistered, service-defaults gone.
        await world.Moto.Seed.DeleteFunctionAsync("inventory");
        var deleted = Summary(await emulator.WaitForResultAsync(emulator.Enqueue(RegistratorWorld.SampleEvent("delete-function.json", "inventory")), TestTimeout.Token(120)));
        Assert.Equal(1, deleted.GetProperty("deregistered").GetInt32());
        Assert.Equal(["billing", "orders", "orders-live"], await world.ServiceIdsAsync());
        Assert.Null(await world.ServiceDefaultsAsync("inventory"));

        // A malformed event: /error with the registrator's error type, and not one Consul write.
        var writes = world.Consul.Stats!.Writes;
        var rejected = await emulator.WaitForResultAsync(emulator.Enqueue(MalformedEvent), TestTimeout.Token(120));
        Assert.Equal(RuntimeApiPostKind.Error, rejected.Kind);
        Assert.Equal("Registrator.EventRejected", rejected.ErrorTypeHeader);
        Assert.Equal("Registrator.EventRejected", rejected.ReadError().ErrorType);
        Assert.StartsWith("The event was rejected and nothing was written", rejected.ReadError().ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(writes, world.Consul.Stats.Writes);

        // Lambda shuts the container down with SIGTERM: a clean exit, every log line JSON, nothing on stderr.
        var (exitCode, stdout, stderr) = await bootstrap.TerminateAsync();
        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, stderr);
        var lines = BootstrapProcess.LogLines(stdout);
        Assert.Contains(lines, line => line.GetProperty("level").GetString() == "DEBUG");
        Assert.Equal(4, emulator.Posts.Count);
        var service = (await world.Reader.GetNodeServicesAsync(RegistratorWorld.Node, default, CancellationToken.None)).Value.Services.Single(s => s.Id == "orders");
        Assert.Equal($"{MotoServer.AccountId}/{MotoServer.Region}", service.Meta[Ownership.RegistratorIdKey]);
    }

    protected async Task TokenFromSsmWithAclsOnRegistersAndNeverLogsTheToken()
    {
        await using var world = await RegistratorWorld.StartAsync(fixture.Moto, new ConsulTargetOptions { SimulatorOnly = true, AclBootstrapToken = AclToken });
        await world.FunctionAsync("orders", ("enabled", "true"));
        await world.Moto.Seed.PutParameterAsync("/consul/acl-token", AclToken);
        await using var emulator = await LambdaRuntimeApiEmulator.StartAsync();
        var taskRoot = artifacts.Extract(Zip);
        var environment = BootstrapProcess.LambdaEnvironment(emulator.RuntimeApi, taskRoot);
        foreach (var (name, value) in world.FunctionEnvironment())
        {
            environment[name] = value;
        }

        environment["CONSUL_HTTP_TOKEN_PATH"] = "/consul/acl-token";
        environment["LOG_LEVEL"] = "trace";
        using var bootstrap = BootstrapProcess.Start(taskRoot, environment, Emulator);

        var post = await emulator.WaitForResultAsync(emulator.Enqueue(RegistratorWorld.SampleEvent("scheduled-event.json")), TestTimeout.Token(120));
        var (exitCode, stdout, stderr) = await bootstrap.TerminateAsync();

        Assert.Equal(RuntimeApiPostKind.Response, post.Kind);
        Assert.Equal(1, Summary(post).GetProperty("registered").GetInt32());
        Assert.Equal(["orders"], await world.ServiceIdsAsync());
        Assert.Equal(0, exitCode);
        Assert.Contains("\"level\":\"TRACE\"", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(AclToken, stdout + stderr + post.BodyText, StringComparison.Ordinal);
    }

    public static TheoryData<string, string[], string, string[]> InitFailures => new()
    {
        {
            "several invalid variables",
            ["CONSUL_HTTP_ADDR=ftp://x", "DEADLINE_MARGIN_MS=soon", "PAGE_SIZE=500"],
            "Registrator.InvalidConfiguration",
            ["CONSUL_HTTP_ADDR", "DEADLINE_MARGIN_MS=\"soon\"", "PAGE_SIZE=\"500\""]
        },
        {
            "token parameter missing in SSM",
            ["CONSUL_HTTP_TOKEN_PATH=/consul/missing-token"],
            "Registrator.SecretUnavailable",
            ["CONSUL_HTTP_TOKEN_PATH=\"/consul/missing-token\" names an SSM parameter that does not exist"]
        },
        {
            "host setting out of Lambda's range",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE=64"],
            "Runtime.InvalidConfiguration",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE is '64'"]
        },
    };

    protected async Task InitFailsPostsATypedInitErrorListingEveryProblemAndExitsOne(string scenario, string[] overrides, string errorType, string[] mentioned)
    {
        _ = scenario;
        await using var world = await RegistratorWorld.StartAsync(fixture.Moto);
        await using var emulator = await LambdaRuntimeApiEmulator.StartAsync();
        emulator.Enqueue(RegistratorWorld.SampleEvent("scheduled-event.json"));
        emulator.Enqueue(MalformedEvent);
        var taskRoot = artifacts.Extract(Zip);
        var environment = BootstrapProcess.LambdaEnvironment(emulator.RuntimeApi, taskRoot);
        foreach (var (name, value) in world.FunctionEnvironment().Concat(overrides.Select(o => o.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], p[1]))))
        {
            environment[name] = value;
        }

        using var bootstrap = BootstrapProcess.Start(taskRoot, environment, Emulator);
        var (exitCode, stdout, stderr) = await bootstrap.WaitForExitAsync();

        var post = Assert.Single(emulator.Posts);
        var error = post.ReadError();
        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, stderr);
        Assert.Equal(RuntimeApiPostKind.InitError, post.Kind);
        Assert.Equal("application/vnd.aws.lambda.error+json", post.ContentType);
        Assert.Equal(errorType, post.ErrorTypeHeader);
        Assert.Equal(errorType, error.ErrorType);
        Assert.All(mentioned, m => Assert.Contains(m, error.ErrorMessage, StringComparison.Ordinal));
        Assert.Equal(0, emulator.NextRequests);
        Assert.Equal(0, world.Consul.Stats!.Writes);
        Assert.Contains(errorType, BootstrapProcess.LogMessages(stdout), StringComparison.Ordinal);
    }

    protected async Task NoRuntimeApiExitsTwoAndNamesTheVariable()
    {
        var taskRoot = artifacts.Extract(Zip);
        var environment = BootstrapProcess.LambdaEnvironment(string.Empty, taskRoot);

        using var bootstrap = BootstrapProcess.Start(taskRoot, environment, Emulator);
        var (exitCode, stdout, stderr) = await bootstrap.WaitForExitAsync();

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("AWS_LAMBDA_RUNTIME_API is not set", BootstrapProcess.LogMessages(stdout), StringComparison.Ordinal);
    }

    /// <summary>The JSON summary of a /response post (fails the test for an /error post, showing the error).</summary>
    private static JsonElement Summary(RuntimeApiPost post)
    {
        Assert.True(post.Kind == RuntimeApiPostKind.Response, $"expected a response, got {post.Kind} {post.ErrorTypeHeader}: {post.BodyText}");
        return JsonDocument.Parse(post.Body).RootElement.Clone();
    }
}

/// <summary>The x86_64 package (the module's default architecture), run natively.</summary>
[Collection(PackagedArtifactsGroup.Name)]
public sealed class CustomRuntimePackageX64Tests(PackagedArtifacts artifacts, MotoFixture fixture)
    : CustomRuntimePackageTests(artifacts, fixture, "x86_64"), IClassFixture<MotoFixture>
{
    [Fact]
    public void ProvidedZip_Layout_IsOneNativeX64Bootstrap() => LayoutIsOneNativeBootstrap();

    [Fact]
    public Task Bootstrap_AgainstMotoAndConsul_SyncsOnScheduledAndCloudTrailEventsAndRejectsAMalformedOne() => SyncsOnScheduledAndCloudTrailEventsAndRejectsAMalformedOne();

    [Fact]
    public Task Bootstrap_TokenFromSsmWithAclsOn_RegistersAndNeverLogsTheToken() => TokenFromSsmWithAclsOnRegistersAndNeverLogsTheToken();

    [Theory]
    [MemberData(nameof(InitFailures))]
    public Task Bootstrap_InitFails_PostsATypedInitErrorListingEveryProblemAndExitsOne(string scenario, string[] overrides, string errorType, string[] mentioned) =>
        InitFailsPostsATypedInitErrorListingEveryProblemAndExitsOne(scenario, overrides, errorType, mentioned);

    [Fact]
    public Task Bootstrap_NoRuntimeApi_ExitsTwoAndNamesTheVariable() => NoRuntimeApiExitsTwoAndNamesTheVariable();
}

/// <summary>
/// The arm64 package, cross-compiled on this machine and run under qemu-user (skipped, saying what to install, where
/// qemu or the arm64 user space is missing).
/// </summary>
[Collection(PackagedArtifactsGroup.Name)]
public sealed class CustomRuntimePackageArm64Tests(PackagedArtifacts artifacts, MotoFixture fixture)
    : CustomRuntimePackageTests(artifacts, fixture, "arm64"), IClassFixture<MotoFixture>
{
    [Arm64Fact]
    public void ProvidedZip_Layout_IsOneNativeArm64Bootstrap() => LayoutIsOneNativeBootstrap();

    [Arm64Fact]
    public Task Bootstrap_AgainstMotoAndConsul_SyncsOnScheduledAndCloudTrailEventsAndRejectsAMalformedOne() => SyncsOnScheduledAndCloudTrailEventsAndRejectsAMalformedOne();

    [Arm64Fact]
    public Task Bootstrap_TokenFromSsmWithAclsOn_RegistersAndNeverLogsTheToken() => TokenFromSsmWithAclsOnRegistersAndNeverLogsTheToken();

    [Arm64Theory]
    [MemberData(nameof(InitFailures))]
    public Task Bootstrap_InitFails_PostsATypedInitErrorListingEveryProblemAndExitsOne(string scenario, string[] overrides, string errorType, string[] mentioned) =>
        InitFailsPostsATypedInitErrorListingEveryProblemAndExitsOne(scenario, overrides, errorType, mentioned);

    [Arm64Fact]
    public Task Bootstrap_NoRuntimeApi_ExitsTwoAndNamesTheVariable() => NoRuntimeApiExitsTwoAndNamesTheVariable();
}
