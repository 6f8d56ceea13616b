namespace LambdaRegistrator.Core.Planning;

/// <summary>What Consul holds: the services on NODE_NAME and the service-defaults entries of every scope that was read.</summary>
/// <param name="Scopes">The scopes that were read completely; desired services in other scopes are not planned (see <see cref="Planner.RequiredScopes"/>).</param>
/// <param name="Services">Every service instance on NODE_NAME in those scopes.</param>
/// <param name="ServiceDefaults">Every service-defaults entry in those scopes (the shell may pass only the ones named like services it cares about).</param>
public sealed record ObservedState(
    IReadOnlyCollection<ConsulScope> Scopes,
    IReadOnlyList<ObservedService> Services,
    IReadOnlyList<ObservedServiceDefaults> ServiceDefaults)
{
    /// <summary>Nothing registered in the given scopes.</summary>
    public static ObservedState Empty(params ConsulScope[] scopes) => new(scopes, [], []);
}
