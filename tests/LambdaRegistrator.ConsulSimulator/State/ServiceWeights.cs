namespace LambdaRegistrator.ConsulSimulator.State;

/// <summary>DNS SRV weights of a service; missing or invalid weights are stored as 1/1 like Consul does.</summary>
internal readonly record struct ServiceWeights(int Passing, int Warning)
{
    public static ServiceWeights Default { get; } = new(1, 1);

    /// <summary>Why: Consul replaces Passing &lt; 1, Warning &lt; 0 or values above 65535 with the default.</summary>
    public static ServiceWeights Normalize(ServiceWeights? weights) =>
        weights is { } w && w.Passing is >= 1 and <= 65535 && w.Warning is >= 0 and <= 65535 ? w : Default;
}
