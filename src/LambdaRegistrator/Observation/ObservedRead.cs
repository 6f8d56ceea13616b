using LambdaRegistrator.Core.Planning;

namespace LambdaRegistrator.Observation;

/// <summary>What was read from Consul: the state of the scopes that could be read, the agent's datacenter when learned, and the failed reads.</summary>
/// <param name="State">The observed state; scopes whose reads failed are left out of <see cref="ObservedState.Scopes"/>.</param>
/// <param name="LocalDatacenter">The datacenter of NODE_NAME when it was read without an explicit datacenter; null when unknown.</param>
/// <param name="Errors">One secret-free sentence per failed read.</param>
internal sealed record ObservedRead(ObservedState State, string? LocalDatacenter, IReadOnlyList<string> Errors);
