namespace LambdaRegistrator.Core.Configuration;

/// <summary>What an <see cref="ExportConsumer"/> names.</summary>
public enum ExportConsumerKind
{
    /// <summary>An admin partition of the same cluster (Enterprise).</summary>
    Partition,

    /// <summary>A cluster peer.</summary>
    Peer,

    /// <summary>A sameness group (Enterprise).</summary>
    SamenessGroup,
}
