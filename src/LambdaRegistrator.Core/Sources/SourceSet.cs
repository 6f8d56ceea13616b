using System.Text.Json;
using System.Text.RegularExpressions;
using LambdaRegistrator.Core.Configuration;
using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Sources;

/// <summary>
/// The accounts and regions one registrator inventories, parsed from <c>SOURCES</c> (a JSON list, as Terraform's
/// <c>jsonencode</c> writes it) and the global <c>FUNCTION_INCLUDE</c> / <c>FUNCTION_EXCLUDE</c> globs. Unset SOURCES
/// means one source: the registrator's own account and region, with its own credentials.
/// </summary>
/// <remarks>
/// Each entry is <c>{"role_arn", "regions", "external_id", "registrator_id", "include", "exclude"}</c>, every field
/// optional: no <c>role_arn</c> is the registrator's own credentials and account; no <c>regions</c> its own region; no
/// <c>registrator_id</c> is <c>&lt;account&gt;/&lt;region&gt;</c> per region, so a deployment that lists only its own
/// account and region writes exactly the owner id it wrote without SOURCES (REGISTRATOR_ID, when set, still names
/// that source).
/// </remarks>
public sealed partial class SourceSet
{
    private static readonly string[] Fields = ["role_arn", "regions", "external_id", "registrator_id", "include", "exclude"];

    private SourceSet(IReadOnlyList<SourceDefinition> definitions, FunctionNameFilter globalFilter, bool isConfigured)
    {
        Definitions = definitions;
        GlobalFilter = globalFilter;
        IsConfigured = isConfigured;
    }

    /// <summary>Unset SOURCES and no filters: the registrator's own account and region.</summary>
    public static SourceSet Default { get; } = new([OwnDefinition], FunctionNameFilter.All, isConfigured: false);

    /// <summary>The entries, in SOURCES order (one implicit entry when SOURCES is unset).</summary>
    public IReadOnlyList<SourceDefinition> Definitions { get; }

    /// <summary>FUNCTION_INCLUDE and FUNCTION_EXCLUDE, applied in every source.</summary>
    public FunctionNameFilter GlobalFilter { get; }

    /// <summary>True when SOURCES was set.</summary>
    public bool IsConfigured { get; }

    private static SourceDefinition OwnDefinition => new() { Label = "the registrator's own account and region" };

    /// <summary>
    /// Parses SOURCES, FUNCTION_INCLUDE and FUNCTION_EXCLUDE (null or blank = unset). Every problem is added to
    /// <paramref name="errors"/>, naming the entry index and the field; the result is then null.
    /// </summary>
    public static SourceSet? Parse(string? sources, string? include, string? exclude, ICollection<ConfigurationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var globalInclude = ParseGlobList(EnvironmentVariables.FunctionInclude, include, errors);
        var globalExclude = ParseGlobList(EnvironmentVariables.FunctionExclude, exclude, errors);
        var definitions = string.IsNullOrWhiteSpace(sources) ? [OwnDefinition] : ParseSources(sources.Trim(), errors);
        return errors.Count > before
            ? null
            : new SourceSet(definitions, FunctionNameFilter.Create(globalInclude, globalExclude), !string.IsNullOrWhiteSpace(sources));
    }

    /// <summary>
    /// The sources, one per account and region, once the registrator's own account (when known) and region are.
    /// </summary>
    /// <param name="ownAccountId">The registrator's account; null when unknown (then only sources that need it fail).</param>
    /// <param name="ownRegion">The registrator's region (AWS_REGION).</param>
    /// <param name="ownRegistratorId">REGISTRATOR_ID: the owner id of the registrator's own account and region unless its entry names one.</param>
    public SourceResolution Resolve(string? ownAccountId, string ownRegion, string? ownRegistratorId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownRegion);
        var errors = new List<string>();
        var sources = new List<Source>();
        var ownPartition = LambdaNames.PartitionForRegion(ownRegion);
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        var byOwner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in Definitions)
        {
            if (definition.RolePartition is { } rolePartition && rolePartition != ownPartition)
            {
                errors.Add($"{definition.Label}.role_arn \"{definition.RoleArn}\" is in partition {rolePartition}, but the registrator runs in {ownPartition} ({ownRegion}); "
                    + "a role can only be assumed within the registrator's partition: deploy a registrator in that partition.");
                continue;
            }

            var account = definition.RoleAccountId ?? ownAccountId;
            var regions = definition.Regions ?? [ownRegion];
            for (var i = 0; i < regions.Count; i++)
            {
                var region = regions[i];
                var field = definition.Regions is null ? $"{definition.Label}" : $"{definition.Label}.regions[{i}]";
                if (LambdaNames.PartitionForRegion(region) != ownPartition)
                {
                    errors.Add($"{field} \"{region}\" is in partition {LambdaNames.PartitionForRegion(region)}, but the registrator runs in {ownPartition} ({ownRegion}): "
                        + "its credentials do not reach that partition; deploy a registrator there.");
                    continue;
                }

                var isOwn = region == ownRegion && (definition.RoleAccountId is null || definition.RoleAccountId == ownAccountId);
                var owner = definition.RegistratorId ?? (isOwn ? ownRegistratorId : null) ?? (account is null ? null : $"{account}/{region}");
                if (owner is null)
                {
                    errors.Add($"{field}: the registrator's own AWS account is unknown, so the owner id <account>/{region} cannot be formed; "
                        + $"set AWS_ACCOUNT_ID, or give the entry a registrator_id{(isOwn ? $" (or set {EnvironmentVariables.RegistratorId})" : string.Empty)}.");
                    continue;
                }

                var source = new Source(account, region, owner)
                {
                    RoleArn = definition.RoleArn,
                    ExternalId = definition.ExternalId,
                    Filter = GlobalFilter.And(definition.Filter),
                };
                if (account is not null && !byName.TryAdd(source.Name, field))
                {
                    errors.Add($"{field} names account and region {source.Name} again ({byName[source.Name]} has it already); each account and region may appear in one source only.");
                    continue;
                }

                if (!byOwner.TryAdd(owner, field))
                {
                    errors.Add($"{field} would own its services as \"{owner}\", as {byOwner[owner]} does: two sources must not share an owner id, or each would deregister what the other registered.");
                    continue;
                }

                sources.Add(source);
            }
        }

        return new SourceResolution(sources, errors);
    }

    private static List<SourceDefinition> ParseSources(string json, ICollection<ConfigurationError> errors)
    {
        var definitions = new List<SourceDefinition>();
        const string name = EnvironmentVariables.Sources;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            errors.Add(new ConfigurationError(name, $"{name} is not valid JSON ({exception.Message}); allowed: a JSON list of sources such as "
                + "[{\"role_arn\":\"arn:aws:iam::111122223333:role/lambda-registrator-source\",\"regions\":[\"us-east-1\"]}], or unset for the registrator's own account and region."));
            return definitions;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array || document.RootElement.GetArrayLength() == 0)
            {
                errors.Add(new ConfigurationError(name, $"{name} must be a non-empty JSON list of sources (objects with role_arn, regions, external_id, registrator_id, include, exclude); "
                    + "unset it for the registrator's own account and region."));
                return definitions;
            }

            var index = 0;
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                if (ParseEntry($"{name}[{index}]", entry, errors) is { } definition)
                {
                    definitions.Add(definition);
                }

                index++;
            }
        }

        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            if (definition.RegistratorId is { } owner && !owners.TryAdd(owner, definition.Label))
            {
                errors.Add(new ConfigurationError(name, $"{definition.Label}.registrator_id \"{owner}\" is already the owner id of {owners[owner]}; "
                    + "two sources must not share an owner id, or each would deregister what the other registered."));
            }

            if (definition.RoleArn is { } role && !roles.TryAdd(role, definition.Label))
            {
                errors.Add(new ConfigurationError(name, $"{definition.Label}.role_arn \"{role}\" is also the role of {roles[role]}; list every region of an account in one entry's regions."));
            }
        }

        return definitions;
    }

    private static SourceDefinition? ParseEntry(string label, JsonElement entry, ICollection<ConfigurationError> errors)
    {
        const string name = EnvironmentVariables.Sources;
        void Fail(string field, string message) => errors.Add(new ConfigurationError(name, $"{label}.{field} {message}."));
        if (entry.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ConfigurationError(name, $"{label} is not an object; allowed: {{\"role_arn\":..., \"regions\":[...], \"external_id\":..., \"registrator_id\":..., \"include\":[...], \"exclude\":[...]}}."));
            return null;
        }

        var before = errors.Count;
        string? roleArn = null, roleAccount = null, rolePartition = null, externalId = null, registratorId = null;
        List<string>? regions = null;
        List<string> include = [], exclude = [];
        foreach (var property in entry.EnumerateObject())
        {
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Null)
            {
                // jsonencode writes null for an optional attribute that is not set.
                continue;
            }

            switch (property.Name)
            {
                case "role_arn":
                    roleArn = String(value);
                    if (roleArn is null || RoleArnRegex().Match(roleArn) is not { Success: true } match
                        || !AwsPartitions.TryGetByName(match.Groups["partition"].Value, out _))
                    {
                        Fail("role_arn", $"{Shown(value)} is not an IAM role ARN; allowed: arn:<partition>:iam::<12-digit account>:role/<name>, e.g. arn:aws:iam::111122223333:role/lambda-registrator-source, or absent for the registrator's own credentials");
                        roleArn = null;
                    }
                    else
                    {
                        roleAccount = match.Groups["account"].Value;
                        rolePartition = match.Groups["partition"].Value;
                    }

                    break;
                case "regions":
                    regions = ParseRegions(label, value, errors);
                    break;
                case "external_id":
                    externalId = String(value);
                    if (externalId is null || !ExternalIdRegex().IsMatch(externalId))
                    {
                        Fail("external_id", $"{Shown(value)} is not an external id; allowed: 2 to 1224 characters of letters, digits and _+=,.@:/- (what sts:AssumeRole accepts)");
                    }

                    break;
                case "registrator_id":
                    registratorId = String(value);
                    if (registratorId is null || !RegistratorIdRegex().IsMatch(registratorId))
                    {
                        Fail("registrator_id", $"{Shown(value)} is not a valid owner id; allowed: 1 to 128 characters from A-Z, a-z, 0-9 and . _ - / : @ + =, or absent for <account>/<region>");
                    }

                    break;
                case "include":
                    include = ParseGlobArray(label, "include", value, errors);
                    break;
                case "exclude":
                    exclude = ParseGlobArray(label, "exclude", value, errors);
                    break;
                default:
                    errors.Add(new ConfigurationError(name, $"{label} has an unknown field \"{property.Name}\"; allowed: {string.Join(", ", Fields)}."));
                    break;
            }
        }

        if (externalId is not null && roleArn is null && !entry.TryGetProperty("role_arn", out _))
        {
            Fail("external_id", "is set without a role_arn; an external id is only sent when assuming a role: add the role_arn or remove the external_id");
        }

        if (registratorId is not null && regions is { Count: > 1 })
        {
            Fail("registrator_id", $"is set for {regions.Count} regions; each account and region owns its own services, so an entry with a registrator_id names exactly one region");
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new SourceDefinition
        {
            Label = label,
            RoleArn = roleArn,
            RoleAccountId = roleAccount,
            RolePartition = rolePartition,
            Regions = regions,
            ExternalId = externalId,
            RegistratorId = registratorId,
            Filter = FunctionNameFilter.Create(include, exclude),
        };
    }

    private static List<string>? ParseRegions(string label, JsonElement value, ICollection<ConfigurationError> errors)
    {
        const string name = EnvironmentVariables.Sources;
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            errors.Add(new ConfigurationError(name, $"{label}.regions {Shown(value)} is not a non-empty list of region names; allowed: e.g. [\"us-east-1\",\"eu-west-1\"], or absent for the registrator's region."));
            return null;
        }

        var regions = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var region = String(item);
            if (region is null || !LambdaNames.IsValidRegion(region))
            {
                errors.Add(new ConfigurationError(name, $"{label}.regions[{index}] {Shown(item)} is not an AWS region name; allowed: e.g. us-east-1."));
            }
            else if (regions.Contains(region, StringComparer.Ordinal))
            {
                errors.Add(new ConfigurationError(name, $"{label}.regions[{index}] \"{region}\" is listed twice."));
            }
            else
            {
                regions.Add(region);
            }

            index++;
        }

        return regions;
    }

    private static List<string> ParseGlobArray(string label, string field, JsonElement value, ICollection<ConfigurationError> errors)
    {
        const string name = EnvironmentVariables.Sources;
        var globs = new List<string>();
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new ConfigurationError(name, $"{label}.{field} {Shown(value)} is not a list of function-name globs; allowed: e.g. [\"orders-*\"]."));
            return globs;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var glob = String(item);
            if (!FunctionNameFilter.IsValidGlob(glob))
            {
                errors.Add(new ConfigurationError(name, $"{label}.{field}[{index}] {Shown(item)} is not a function-name glob; allowed: 1 to 170 of letters, digits, '-', '_' and the wildcards '*' and '?'."));
            }
            else
            {
                globs.Add(glob!);
            }

            index++;
        }

        return globs;
    }

    private static List<string> ParseGlobList(string name, string? raw, ICollection<ConfigurationError> errors)
    {
        var globs = new List<string>();
        if (string.IsNullOrWhiteSpace(raw))
        {
            return globs;
        }

        foreach (var glob in raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (FunctionNameFilter.IsValidGlob(glob))
            {
                globs.Add(glob);
            }
            else
            {
                errors.Add(new ConfigurationError(name, $"{name} contains \"{Truncate(glob)}\", which is not a function-name glob; allowed: a comma-separated list of globs of letters, digits, '-', '_', '*' and '?', e.g. orders-*,payments-*."));
            }
        }

        return globs;
    }

    private static string? String(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Shown(JsonElement value) => Truncate(value.GetRawText());

    private static string Truncate(string text) => text.Length > 80 ? string.Concat(text.AsSpan(0, 80), "...") : text;

    [GeneratedRegex(@"^arn:(?<partition>aws[a-z-]*):iam::(?<account>\d{12}):role/([\x21-\x7e]+/)?[A-Za-z0-9_+=,.@-]{1,64}$")]
    private static partial Regex RoleArnRegex();

    [GeneratedRegex(@"^[A-Za-z0-9_+=,.@:/-]{2,1224}$")]
    private static partial Regex ExternalIdRegex();

    [GeneratedRegex(@"^[A-Za-z0-9._\-/:@+=]{1,128}$")]
    private static partial Regex RegistratorIdRegex();
}
