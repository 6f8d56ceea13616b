namespace LambdaRegistrator.Core.Planning;

/// <summary><c>PUT /v1/config?cas=CasIndex</c> with this entry (Kind service-defaults); a <c>false</c> reply means another writer won: re-plan.</summary>
/// <param name="Entry">The complete entry to write.</param>
/// <param name="CasIndex">0 to create only, otherwise the observed ModifyIndex.</param>
public sealed record PutServiceDefaults(ServiceDefaultsEntry Entry, ulong CasIndex) : PlanStep;
