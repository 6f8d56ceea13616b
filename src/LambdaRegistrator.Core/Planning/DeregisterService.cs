namespace LambdaRegistrator.Core.Planning;

/// <summary><c>PUT /v1/catalog/deregister</c> with <c>{"Node":Node,"ServiceID":ServiceId}</c> (tolerant of "already gone").</summary>
/// <param name="Node">NODE_NAME.</param>
/// <param name="ServiceId">The service ID.</param>
public sealed record DeregisterService(string Node, string ServiceId) : PlanStep;
