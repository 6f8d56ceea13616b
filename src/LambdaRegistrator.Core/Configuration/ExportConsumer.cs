namespace LambdaRegistrator.Core.Configuration;

/// <summary>One consumer of <c>EXPORT_TO</c>: the Lambda services are exported to it in the partition's <c>exported-services</c> entry.</summary>
/// <param name="Kind">Admin partition, cluster peer or sameness group.</param>
/// <param name="Name">Its name.</param>
public sealed record ExportConsumer(ExportConsumerKind Kind, string Name)
{
    /// <summary>The prefix of a partition consumer in EXPORT_TO.</summary>
    public const string PartitionPrefix = "partition:";

    /// <summary>The prefix of a cluster peer consumer in EXPORT_TO.</summary>
    public const string PeerPrefix = "peer:";

    /// <summary>The prefix of a sameness group consumer in EXPORT_TO.</summary>
    public const string SamenessGroupPrefix = "sameness-group:";

    /// <summary>The field of Consul's <c>ServiceConsumer</c> that names this kind of consumer: <c>Partition</c>, <c>Peer</c> or <c>SamenessGroup</c>.</summary>
    public string ConsulField => Kind switch
    {
        ExportConsumerKind.Partition => "Partition",
        ExportConsumerKind.Peer => "Peer",
        _ => "SamenessGroup",
    };

    /// <summary>True for the kinds only Consul Enterprise has (partition, sameness group).</summary>
    public bool NeedsEnterprise => Kind != ExportConsumerKind.Peer;

    /// <summary>Parses <c>partition:&lt;name&gt;</c>, <c>peer:&lt;name&gt;</c> or <c>sameness-group:&lt;name&gt;</c> (prefix in any case); null when it is none of them.</summary>
    public static ExportConsumer? TryParse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var (prefix, kind) in Prefixes)
        {
            if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var name = value[prefix.Length..];
                return RegistratorOptions.IsConsumerName(name) ? new ExportConsumer(kind, name) : null;
            }
        }

        return null;
    }

    /// <summary>The EXPORT_TO spelling: <c>peer:dc2-cluster</c>.</summary>
    public override string ToString() => Kind switch
    {
        ExportConsumerKind.Partition => PartitionPrefix,
        ExportConsumerKind.Peer => PeerPrefix,
        _ => SamenessGroupPrefix,
    } + Name;

    private static readonly (string Prefix, ExportConsumerKind Kind)[] Prefixes =
    [
        (PartitionPrefix, ExportConsumerKind.Partition),
        (PeerPrefix, ExportConsumerKind.Peer),
        (SamenessGroupPrefix, ExportConsumerKind.SamenessGroup),
    ];
}
