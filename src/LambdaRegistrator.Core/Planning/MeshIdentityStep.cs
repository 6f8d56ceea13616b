namespace LambdaRegistrator.Core.Planning;

/// <summary>One mesh-identity parameter (the consul-lambda-extension's data in SSM) to write, refresh or delete.</summary>
/// <param name="Action">Write, refresh when due, or delete.</param>
/// <param name="Service">The service whose identity it is (its partition, namespace and name select the leaf certificate).</param>
/// <param name="Path">The SSM parameter name (see <see cref="MeshIdentities.ParameterPath"/>).</param>
public sealed record MeshIdentityStep(MeshIdentityAction Action, ServiceKey Service, string Path);
