namespace LambdaRegistrator.ConsulSimulator.ConfigEntries;

/// <summary>The struct fields of the config entry kinds the simulator decodes with a schema, in Go's output order.</summary>
internal static class EntrySchemas
{
    private static FieldSpec Namespace => new("Namespace", null, FieldKind.String, EnterpriseOnly: true);

    private static FieldSpec Partition => new("Partition", null, FieldKind.String, EnterpriseOnly: true);

    /// <summary><c>structs.TerminatingGatewayConfigEntry</c> and its <c>LinkedService</c> (<c>agent/structs/config_entry_gateways.go</c>).</summary>
    public static IReadOnlyList<FieldSpec> TerminatingGateway { get; } =
    [
        new("Kind", null, FieldKind.String),
        new("Name", null, FieldKind.String),
        new("Services", null, FieldKind.StructList,
        [
            new("Name", null, FieldKind.String),
            new("CAFile", "ca_file", FieldKind.String),
            new("CertFile", "cert_file", FieldKind.String),
            new("KeyFile", "key_file", FieldKind.String),
            new("SNI", null, FieldKind.String),
            Namespace,
            Partition,
        ]),
        new("Meta", null, FieldKind.StringMap),
        new("Hash", null, FieldKind.Ignored),
        Namespace,
        Partition,
    ];

    /// <summary>
    /// <c>structs.ExportedServicesConfigEntry</c>, <c>ExportedService</c> and <c>ServiceConsumer</c>
    /// (<c>agent/structs/config_entry_exports.go</c>). The struct has no Kind field (its MarshalJSON adds one) and no Hash.
    /// </summary>
    public static IReadOnlyList<FieldSpec> ExportedServices { get; } =
    [
        new("Name", null, FieldKind.String),
        new("Services", null, FieldKind.StructList,
        [
            new("Name", null, FieldKind.String),
            new("Namespace", null, FieldKind.String),
            new("Consumers", null, FieldKind.StructList,
            [
                new("Partition", null, FieldKind.String),
                new("Peer", "peer_name", FieldKind.String),
                new("SamenessGroup", "sameness_group", FieldKind.String),
            ]),
        ]),
        new("Meta", null, FieldKind.StringMap),
        Namespace,
        Partition,
    ];
}
