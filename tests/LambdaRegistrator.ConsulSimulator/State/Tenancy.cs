namespace LambdaRegistrator.ConsulSimulator.State;

/// <summary>The admin partition and namespace a request addresses; both <c>default</c> on Community Edition.</summary>
internal readonly record struct Tenancy(string Partition, string Namespace)
{
    public const string DefaultName = "default";

    public static Tenancy Default { get; } = new(DefaultName, DefaultName);
}
