namespace LambdaRegistrator.Core.Planning;

/// <summary><c>DELETE /v1/config/service-defaults/Name?cas=CasIndex</c>; a <c>false</c> reply means it changed since observed: re-plan.</summary>
/// <param name="Name">Entry name.</param>
/// <param name="CasIndex">The observed ModifyIndex.</param>
public sealed record DeleteServiceDefaults(string Name, ulong CasIndex) : PlanStep;
