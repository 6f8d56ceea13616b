using System.Text.Json;
using LambdaRegistrator.Core.ConfigEntries;
using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Sources;
using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Tests.Planning;

/// <summary>Builders for planner tests: functions, options and Consul objects as the Go registrator or this one writes them.</summary>
internal static class Fx
{
    public const string Account = "123456789012";
    public const string Region = "us-east-1";
    public const string Me = "123456789012/us-east-1";
    public const string Node = "lambdas";

    public static readonly ConsulScope Default = new(null, null, null);

    public static LambdaArn Arn(string name) => LambdaArn.Create(Region, Account, name);

    /// <summary>The source every planner test plans: this account and region, owner id <see cref="Me"/> unless given.</summary>
    public static Source Home(string registratorId = Me) => new(Account, Region, registratorId);

    public static PlanningOptions Options(string registratorId = Me) => new(Node, Home(registratorId));

    public static PlanningOptions Enterprise(params string[] partitions) => new(Node, Home())
    {
        Enterprise = true,
        Partitions = new HashSet<string>(partitions, StringComparer.OrdinalIgnoreCase),
    };

    public static Dictionary<string, string> TagSet(params string[] pairs)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < pairs.Length; i += 2)
        {
            tags[LambdaTags.Prefix + pairs[i]] = pairs[i + 1];
        }

        return tags;
    }

    public static FunctionInventoryEntry Function(string name, params string[] tagPairs) => new(Arn(name), TagSet(tagPairs));

    public static FunctionInventoryEntry Enabled(string name, params string[] moreTagPairs) =>
        new(Arn(name), TagSet(["enabled", "true", .. moreTagPairs]));

    public static DesiredState Full(params FunctionInventoryEntry[] functions) => DesiredState.FullSync(functions, isComplete: true);

    public static DesiredState Incomplete(params FunctionInventoryEntry[] functions) => DesiredState.FullSync(functions, isComplete: false);

    public static ObservedState Observed(IEnumerable<ObservedService> services, IEnumerable<ObservedConfigEntry> entries, params ConsulScope[] scopes) =>
        new(scopes.Length == 0 ? [Default] : scopes, [.. services], [.. entries]);

    public static ObservedState Observed(params object[] objects) =>
        Observed(objects.OfType<ObservedService>(), objects.OfType<ObservedConfigEntry>());

    public static Dictionary<string, string> OwnerMeta(string function, string registratorId = Me) => new(StringComparer.Ordinal)
    {
        [Ownership.RegistratorIdKey] = registratorId,
        [Ownership.FunctionArnKey] = Arn(function).ToString(),
    };

    /// <summary>A service registered by this project's registrator (owner meta + managed tag).</summary>
    public static ObservedService OwnedService(string name, string function, string registratorId = Me, ConsulScope? scope = null) =>
        new(scope ?? Default, new CatalogService(name, name, [Ownership.ManagedTag], ServiceMeta(function, registratorId)));

    /// <summary>The meta this registrator writes on a catalog service: the owner meta and <c>external-source = lambda</c>.</summary>
    public static Dictionary<string, string> ServiceMeta(string function, string registratorId = Me) =>
        new(OwnerMeta(function, registratorId), StringComparer.Ordinal) { [ConsulObjects.ExternalSourceKey] = ConsulObjects.ExternalSource };

    /// <summary>A service registered by the Go registrator: managed tag, no meta.</summary>
    public static ObservedService GoService(string name, ConsulScope? scope = null) =>
        new(scope ?? Default, new CatalogService(name, name, [Ownership.ManagedTag], new Dictionary<string, string>()));

    /// <summary>A service someone else registered on the node.</summary>
    public static ObservedService ForeignService(string name, ConsulScope? scope = null) =>
        new(scope ?? Default, new CatalogService(name, name, ["web"], new Dictionary<string, string> { ["version"] = "1" }));

    public static EnvoyExtension LambdaExtension(string arn, bool passthrough = false, string mode = "synchronous") =>
        new(EnvoyExtension.AwsLambda, false, new Dictionary<string, JsonElement>
        {
            ["arn"] = JsonSerializer.SerializeToElement(arn, TestJsonContext.Default.String),
            ["payloadPassthrough"] = JsonSerializer.SerializeToElement(passthrough, TestJsonContext.Default.Boolean),
            ["invocationMode"] = JsonSerializer.SerializeToElement(mode, TestJsonContext.Default.String),
        });

    /// <summary>The config entry this registrator writes for a synchronous, non-passthrough function or alias.</summary>
    public static ObservedConfigEntry OwnedEntry(string name, string function, ulong index, string? qualifier = null, string mode = "synchronous", string registratorId = Me, ConsulScope? scope = null)
    {
        var arn = qualifier is null ? Arn(function).ToString() : $"{Arn(function)}:{qualifier}";
        return new(scope ?? Default, Defaults(name, "http", OwnerMeta(function, registratorId), LambdaExtension(arn, mode: mode)), index);
    }

    /// <summary>The config entry the Go registrator writes: no meta, upper-case invocation mode.</summary>
    public static ObservedConfigEntry GoEntry(string name, string arn, ulong index, ConsulScope? scope = null) =>
        new(scope ?? Default, Defaults(name, "http", new Dictionary<string, string>(), LambdaExtension(arn, mode: "SYNCHRONOUS")), index);

    public static ObservedConfigEntry ForeignEntry(string name, ulong index, ConsulScope? scope = null) =>
        new(scope ?? Default, Defaults(name, "grpc", new Dictionary<string, string>()), index);

    /// <summary>A service-defaults entry as Consul holds it.</summary>
    public static ConfigEntry Defaults(string name, string protocol, IReadOnlyDictionary<string, string> meta, params EnvoyExtension[] extensions) =>
        new(name, meta, new ServiceDefaults(protocol, extensions));

    /// <summary>The service-defaults body a put step writes.</summary>
    public static ServiceDefaults Body(PutConfigEntry put) => Assert.IsType<ServiceDefaults>(put.Entry.Body);

    /// <summary>The delete step of a service-defaults entry in the default scope.</summary>
    public static DeleteConfigEntry DeleteDefaults(string name, ulong cas) => new(new ConfigEntryKey(ServiceDefaults.KindName, Default, name), cas);

    /// <summary>Plans, applies and returns the state after the plan (for steady-state checks).</summary>
    public static ObservedState Converge(DesiredState desired, ObservedState observed, PlanningOptions options) =>
        PlanApplication.Apply(observed, Planner.CreatePlan(desired, observed, options));
}
