namespace LambdaRegistrator.ConsulSimulator.ConfigEntries;

/// <summary>
/// One field of a config entry struct as <c>structs.DecodeConfigEntry</c> sees it: its Go name, its <c>alias</c> tag
/// (snake_case, translated by <c>decode.HookTranslateKeys</c>), its type and, for lists of structs, the item's fields.
/// <see cref="EnterpriseOnly"/> marks the fields of <c>acl.EnterpriseMeta</c>, an empty struct on Community Edition.
/// </summary>
internal sealed record FieldSpec(string Name, string? Alias, FieldKind Kind, IReadOnlyList<FieldSpec>? Item = null, bool EnterpriseOnly = false)
{
    public bool Matches(string key) =>
        string.Equals(Name, key, StringComparison.OrdinalIgnoreCase) || string.Equals(Alias, key, StringComparison.OrdinalIgnoreCase);
}
