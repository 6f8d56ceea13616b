namespace LambdaRegistrator.Core.Planning;

/// <summary>A service-defaults entry found in one scope, with the ModifyIndex to use for check-and-set.</summary>
/// <param name="Scope">Where it was found.</param>
/// <param name="Entry">Its content.</param>
/// <param name="ModifyIndex">Consul's ModifyIndex, the CAS index for updates and deletes.</param>
public sealed record ObservedServiceDefaults(ConsulScope Scope, ServiceDefaultsEntry Entry, ulong ModifyIndex)
{
    /// <summary>The key (scope + entry name).</summary>
    public ServiceKey Key => Scope.Service(Entry.Name);
}
