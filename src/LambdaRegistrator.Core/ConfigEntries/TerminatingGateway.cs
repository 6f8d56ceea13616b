using System.Text.Json;

namespace LambdaRegistrator.Core.ConfigEntries;

/// <summary>
/// A <c>terminating-gateway</c> entry, named like the gateway service: its <c>Services</c> list names the services the
/// gateway reaches (for Lambda services, Envoy's aws/lambda extension does the invoking). An item is in sync when it
/// names the service: its TLS fields (<c>CAFile</c>, <c>CertFile</c>, <c>KeyFile</c>, <c>SNI</c>) are someone else's.
/// </summary>
public sealed record TerminatingGateway : SharedServicesBody
{
    /// <summary>Consul's kind name.</summary>
    public const string KindName = "terminating-gateway";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>Reads the body from an entry's fields (see <see cref="ConfigEntryKinds.Read"/>).</summary>
    public static TerminatingGateway Read(IReadOnlyDictionary<string, JsonElement> fields) =>
        new() { Services = ReadServices(fields), Unknown = JsonFields.Except(fields, ServicesField) };

    /// <summary>The item that links service <paramref name="name"/> (in <paramref name="namespace"/> on Enterprise) to the gateway.</summary>
    public static SharedItem Item(string name, string? @namespace)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var value = JsonFields.Build(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("Name", name);
            if (@namespace is not null)
            {
                writer.WriteString("Namespace", @namespace);
            }

            writer.WriteEndObject();
        });
        return new SharedItem(name, @namespace, value);
    }

    /// <inheritdoc />
    public override bool InSync(SharedItem found, SharedItem wanted) => true;

    /// <inheritdoc />
    public override SharedServicesBody WithServices(IReadOnlyList<SharedItem> services) => this with { Services = services };
}
