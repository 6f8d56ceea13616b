namespace LambdaRegistrator.Reliability.Tests.Infrastructure;

/// <summary>A function served by <see cref="HostileAws"/>: any name and ARN (other partitions, accounts, garbage), any tags.</summary>
internal sealed record FakeFunction(string Name, string Arn, IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>Alias names ListAliases returns.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>GetFunction answers 500 ServiceException (after the client's retries: a failed read of this function).</summary>
    public bool FailGetFunction { get; init; }

    /// <summary>GetFunction answers with TagsError instead of Tags (lambda:ListTags denied).</summary>
    public bool DenyTags { get; init; }

    /// <summary>GetFunction with a Qualifier (an alias read) answers 500 ServiceException; unqualified reads work.</summary>
    public bool FailAliasRead { get; init; }

    /// <summary>ListAliases answers 500 ServiceException.</summary>
    public bool FailListAliases { get; init; }

    /// <summary>A function in the test account and region.</summary>
    public static FakeFunction Of(string name, IReadOnlyDictionary<string, string>? tags = null, params string[] aliases) =>
        new(name, $"arn:aws:lambda:us-east-1:123456789012:function:{name}", tags ?? new Dictionary<string, string>()) { Aliases = aliases };
}
