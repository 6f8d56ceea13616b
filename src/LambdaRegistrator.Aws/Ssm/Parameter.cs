namespace LambdaRegistrator.Aws.Ssm;

/// <summary>An SSM parameter as GetParameter returns it. <see cref="ToString"/> never shows the value.</summary>
public sealed class Parameter
{
    /// <summary>Creates a parameter.</summary>
    public Parameter(string name, string type, string value, long version, DateTimeOffset? lastModifiedDate, string? arn)
    {
        Name = name;
        Type = type;
        Value = value;
        Version = version;
        LastModifiedDate = lastModifiedDate;
        Arn = arn;
    }

    /// <summary>The parameter name, e.g. <c>/consul/token</c>.</summary>
    public string Name { get; }

    /// <summary><c>String</c>, <c>StringList</c> or <c>SecureString</c>.</summary>
    public string Type { get; }

    /// <summary>The value, decrypted when asked for. Secret: never log it.</summary>
    public string Value { get; }

    /// <summary>The parameter version.</summary>
    public long Version { get; }

    /// <summary>When the parameter last changed.</summary>
    public DateTimeOffset? LastModifiedDate { get; }

    /// <summary>The parameter ARN.</summary>
    public string? Arn { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Type}, version {Version}, value hidden)";
}
