namespace LambdaRegistrator.Aws.Lambda;

/// <summary>
/// A Lambda function's configuration as ListFunctions and GetFunction return it (the members the registrator uses).
/// ListFunctions leaves <see cref="State"/> and <see cref="LastUpdateStatus"/> empty; GetFunction fills them.
/// </summary>
/// <remarks>Environment variables are deliberately not mapped: they may hold secrets and nothing here needs them.</remarks>
public sealed record FunctionConfiguration
{
    /// <summary>The function name, e.g. <c>orders</c>.</summary>
    public string FunctionName { get; init; } = string.Empty;

    /// <summary>The unqualified function ARN, e.g. <c>arn:aws:lambda:us-east-1:123456789012:function:orders</c>.</summary>
    public string FunctionArn { get; init; } = string.Empty;

    /// <summary>The runtime identifier, e.g. <c>dotnet8</c>; null for container images.</summary>
    public string? Runtime { get; init; }

    /// <summary>The execution role ARN.</summary>
    public string? Role { get; init; }

    /// <summary>The handler string.</summary>
    public string? Handler { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>Timeout in seconds.</summary>
    public int? Timeout { get; init; }

    /// <summary>Memory in MB.</summary>
    public int? MemorySize { get; init; }

    /// <summary>When the function last changed, ISO-8601 as AWS sends it.</summary>
    public string? LastModified { get; init; }

    /// <summary>SHA-256 of the deployment package.</summary>
    public string? CodeSha256 { get; init; }

    /// <summary>The version: <c>$LATEST</c> unless listing versions.</summary>
    public string? Version { get; init; }

    /// <summary>Changes on every update of the function.</summary>
    public string? RevisionId { get; init; }

    /// <summary><c>Zip</c> or <c>Image</c>.</summary>
    public string? PackageType { get; init; }

    /// <summary><c>x86_64</c> and/or <c>arm64</c>.</summary>
    public IReadOnlyList<string>? Architectures { get; init; }

    /// <summary>For Lambda@Edge replicas, the ARN of the primary function.</summary>
    public string? MasterArn { get; init; }

    /// <summary><c>Pending</c>, <c>Active</c>, <c>Inactive</c> or <c>Failed</c> (GetFunction only).</summary>
    public string? State { get; init; }

    /// <summary><c>InProgress</c>, <c>Successful</c> or <c>Failed</c> (GetFunction only).</summary>
    public string? LastUpdateStatus { get; init; }
}
