using LambdaRegistrator.Core.ConfigEntries;

namespace LambdaRegistrator.Core.Planning;

/// <summary>What Consul holds: the services on NODE_NAME and the config entries of every scope that was read.</summary>
/// <param name="Scopes">The scopes that were read completely; desired services in other scopes are not planned (see <see cref="DesiredServices.RequiredScopes"/>).</param>
/// <param name="Services">Every service instance on NODE_NAME in those scopes.</param>
/// <param name="ConfigEntries">Config entries of any kind in those scopes (the shell may pass only the ones named like services it cares about).</param>
public sealed record ObservedState(
    IReadOnlyCollection<ConsulScope> Scopes,
    IReadOnlyList<ObservedService> Services,
    IReadOnlyList<ObservedConfigEntry> ConfigEntries)
{
    /// <summary>The scopes read.</summary>
    public IReadOnlyCollection<ConsulScope> Scopes { get; init; } = Scopes ?? throw new ArgumentNullException(nameof(Scopes));

    /// <summary>The services on NODE_NAME.</summary>
    public IReadOnlyList<ObservedService> Services { get; init; } = Services ?? throw new ArgumentNullException(nameof(Services));

    /// <summary>The config entries.</summary>
    public IReadOnlyList<ObservedConfigEntry> ConfigEntries { get; init; } = ConfigEntries ?? throw new ArgumentNullException(nameof(ConfigEntries));

    /// <summary>The shared entries read (<see cref="SharedEntries.KeysToRead"/>), found, missing or unreadable; empty when the gateway feature is off.</summary>
    public IReadOnlyList<SharedEntryRead> SharedEntries { get; init; } = [];

    /// <summary>Nothing registered in the given scopes (pass at least one scope; the default scope is <c>new ConsulScope(null, null, null)</c>).</summary>
    public static ObservedState Empty(params ConsulScope[] scopes) => new(scopes ?? throw new ArgumentNullException(nameof(scopes)), [], []);
}
