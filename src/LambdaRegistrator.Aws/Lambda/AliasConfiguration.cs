namespace LambdaRegistrator.Aws.Lambda;

/// <summary>A function alias as ListAliases returns it.</summary>
public sealed record AliasConfiguration
{
    /// <summary>The qualified ARN, e.g. <c>arn:aws:lambda:us-east-1:123456789012:function:orders:live</c>.</summary>
    public string AliasArn { get; init; } = string.Empty;

    /// <summary>The alias name, e.g. <c>live</c>.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The version the alias points to.</summary>
    public string? FunctionVersion { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>Changes on every update of the alias.</summary>
    public string? RevisionId { get; init; }
}
