using LambdaRegistrator.Core.Configuration;
using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Planning;

/// <summary>
/// What a sync writes to Consul for one Lambda service: the catalog registration on NODE_NAME (an external node, as
/// in Consul's manual Lambda registration guide) and the service-defaults entry that tells Envoy to invoke the
/// function. Both carry the owner meta of <see cref="Ownership"/>.
/// </summary>
public static class ConsulObjects
{
    /// <summary>The protocol of every Lambda service's service-defaults entry.</summary>
    public const string Protocol = "http";

    /// <summary>Node meta of the external node (used only when the node does not exist yet).</summary>
    public static IReadOnlyDictionary<string, string> NodeMeta { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["external-node"] = "true",
        ["external-probe"] = "true",
    };

    /// <summary>The catalog registration of <paramref name="service"/> on NODE_NAME; its service ID is its name.</summary>
    internal static CatalogRegistration Registration(DesiredService service, PlanningOptions options) =>
        new(options.NodeName, NodeMeta,
            new CatalogService(service.Key.Name, service.Key.Name, [Ownership.ManagedTag], Ownership.Meta(options.Source.RegistratorId, service.Function.Arn)));

    /// <summary>The service-defaults entry of <paramref name="service"/> in the configured format (SERVICE_DEFAULTS_FORMAT).</summary>
    internal static ServiceDefaultsEntry ServiceDefaults(DesiredService service, PlanningOptions options)
    {
        var meta = Ownership.Meta(options.Source.RegistratorId, service.Function.Arn);
        var registration = service.Registration;

        // Why: Consul's lambda extension and the serverless plugin only recognise lower-case "asynchronous";
        // the Go registrator writes "ASYNCHRONOUS", so its async functions are invoked synchronously.
        var mode = registration.InvocationMode == InvocationMode.Asynchronous ? "asynchronous" : "synchronous";
        if (options.ServiceDefaultsFormat == ServiceDefaultsFormat.LegacyMeta)
        {
            meta[LegacyServiceDefaultsMeta.Enabled] = "true";
            meta[LegacyServiceDefaultsMeta.Arn] = service.ServiceArn;
            meta[LegacyServiceDefaultsMeta.PayloadPassthrough] = registration.PayloadPassthrough ? "true" : "false";
            meta[LegacyServiceDefaultsMeta.Region] = service.Function.Arn.Region!;
            meta[LegacyServiceDefaultsMeta.InvocationMode] = mode;
            return new ServiceDefaultsEntry(service.Key.Name, Protocol, meta, []);
        }

        var arguments = JsonValues.LambdaArguments(service.ServiceArn, registration.PayloadPassthrough, mode);
        return new ServiceDefaultsEntry(service.Key.Name, Protocol, meta, [new EnvoyExtension(EnvoyExtension.AwsLambda, false, arguments)]);
    }
}
