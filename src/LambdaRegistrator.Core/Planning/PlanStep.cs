namespace LambdaRegistrator.Core.Planning;

/// <summary>
/// One Consul write inside an action: <see cref="PutConfigEntry"/>, <see cref="RegisterService"/>,
/// <see cref="DeleteConfigEntry"/> or <see cref="DeregisterService"/>. Config-entry steps carry their own scope and are
/// written with check-and-set; a lost race makes the executor re-read and re-plan the action.
/// </summary>
/// <remarks>
/// Seam for entries other owners share (the terminating-gateway entry's <c>Services</c>, the exported-services
/// entry's <c>Services</c>): such a step names the entry's <see cref="ConfigEntries.ConfigEntryKey"/> and the items to
/// ensure present or absent, not a whole entry. The executor carries it out as a check-and-set read-modify-write:
/// read the entry, apply the item changes to its typed body (every other field and item survives through
/// <see cref="ConfigEntries.ConfigEntryBody.Unknown"/>), <c>PUT ?cas=</c> with the read ModifyIndex, and on a lost race
/// read and merge again instead of re-planning the service.
/// </remarks>
public abstract record PlanStep
{
    private protected PlanStep()
    {
    }
}
