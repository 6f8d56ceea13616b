using LambdaRegistrator.Bench.Scale.Account;

namespace LambdaRegistrator.Bench.Scale.Child;

/// <summary>The environment a registrator process sees in the bench: the stub for every AWS service, fake credentials, the simulator.</summary>
internal static class BenchEnvironment
{
    public static Dictionary<string, string> For(Uri aws, Uri consul, string strategy) => new(StringComparer.Ordinal)
    {
        ["AWS_ENDPOINT_URL"] = aws.AbsoluteUri.TrimEnd('/'),
        ["AWS_REGION"] = SyntheticAccount.Region,
        ["AWS_ACCESS_KEY_ID"] = "AKIABENCHEXAMPLE0000",
        ["AWS_SECRET_ACCESS_KEY"] = "bench-secret-not-real",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_ACCOUNT_ID"] = SyntheticAccount.AccountId,
        ["CONSUL_HTTP_ADDR"] = consul.AbsoluteUri.TrimEnd('/'),
        ["INVENTORY_STRATEGY"] = strategy,
        ["LOG_LEVEL"] = "info",
    };
}
