using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Planning;

/// <summary>Everything to do for one service, as ordered steps: config entry before registration on upsert, config entry delete before deregistration.</summary>
/// <param name="Kind">Register, Update or Deregister.</param>
/// <param name="Service">Which service (dc/partition/ns for the query parameters).</param>
/// <param name="FunctionArn">The owning function, unqualified, when known.</param>
/// <param name="Steps">Consul writes in order; stop at the first failure.</param>
/// <param name="Reason">Human-readable why, including what drifted.</param>
/// <param name="MeshIdentity">What to do with the service's mesh identity in SSM once every step succeeded; null when CONSUL_EXTENSION_DATA_PREFIX is unset.</param>
public sealed record PlanAction(
    PlanActionKind Kind,
    ServiceKey Service,
    LambdaArn? FunctionArn,
    IReadOnlyList<PlanStep> Steps,
    string Reason,
    MeshIdentityStep? MeshIdentity)
{
    /// <summary>True when the action takes over (updates or removes) an object the Go registrator wrote without owner meta.</summary>
    public bool Adopts { get; init; }

    /// <summary>One line for logs and the CLI: <c>register fn (dc=dc1): reason</c>.</summary>
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} {Service}: {Reason}";
}
