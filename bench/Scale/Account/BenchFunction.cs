using System.Text;

namespace LambdaRegistrator.Bench.Scale.Account;

/// <summary>
/// One synthetic Lambda function: fixed configuration JSON (rendered once), existing aliases, and tags that the bench
/// mutates between syncs (swapped as a whole, so a request in flight sees either the old or the new set).
/// </summary>
internal sealed class BenchFunction
{
    private volatile IReadOnlyDictionary<string, string> _tags;

    public BenchFunction(string name, string arn, IReadOnlyDictionary<string, string> tags, IReadOnlyList<string> aliases)
    {
        Name = name;
        Arn = arn;
        BaseTags = tags;
        _tags = tags;
        Aliases = aliases;
        ConfigurationJson = Encoding.UTF8.GetBytes(RenderConfiguration(name, arn));
    }

    public string Name { get; }

    public string Arn { get; }

    /// <summary>The tags the account was created with (steady state).</summary>
    public IReadOnlyDictionary<string, string> BaseTags { get; }

    /// <summary>The tags AWS reports now.</summary>
    public IReadOnlyDictionary<string, string> Tags
    {
        get => _tags;
        set => _tags = value;
    }

    /// <summary>Alias names that exist on the function (all point at version 1).</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>A realistic FunctionConfiguration (ListFunctions and GetFunction share it), UTF-8 JSON.</summary>
    public byte[] ConfigurationJson { get; }

    /// <summary>The configuration GetFunction returns with <c>Qualifier=<paramref name="alias"/></c>: the FunctionArn is the alias ARN.</summary>
    public byte[] QualifiedConfigurationJson(string alias) => Encoding.UTF8.GetBytes(RenderConfiguration(Name, $"{Arn}:{alias}"));

    // Why: a real FunctionConfiguration is ~700 bytes; page and parse costs at 10,000 functions depend on it.
    private static string RenderConfiguration(string name, string arn) =>
        "{\"FunctionName\":\"" + name + "\",\"FunctionArn\":\"" + arn + "\",\"Runtime\":\"python3.12\","
        + "\"Role\":\"arn:aws:iam::" + SyntheticAccount.AccountId + ":role/bench-lambda-role\",\"Handler\":\"index.handler\","
        + "\"CodeSize\":2048,\"Description\":\"Synthetic function for the account-scale benchmark\",\"Timeout\":30,\"MemorySize\":256,"
        + "\"LastModified\":\"2025-11-20T10:00:00.000+0000\",\"CodeSha256\":\"nHMRx7bzdPXtMUPlvA5cGt2Qm9hyJDiK9FbfvSsB2ok=\","
        + "\"Version\":\"$LATEST\",\"TracingConfig\":{\"Mode\":\"PassThrough\"},\"RevisionId\":\"6c9a2b1e-5f3d-4b8a-9e7c-1d2f3a4b5c6d\","
        + "\"PackageType\":\"Zip\",\"Architectures\":[\"arm64\"],\"EphemeralStorage\":{\"Size\":512},"
        + "\"SnapStart\":{\"ApplyOn\":\"None\",\"OptimizationStatus\":\"Off\"},"
        + "\"LoggingConfig\":{\"LogFormat\":\"Text\",\"LogGroup\":\"/aws/lambda/" + name + "\"}}";
}
