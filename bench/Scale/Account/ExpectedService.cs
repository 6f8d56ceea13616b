namespace LambdaRegistrator.Bench.Scale.Account;

/// <summary>One Consul service the current tags call for: its name and the Lambda extension arguments.</summary>
internal sealed record ExpectedService(string Name, string Arn, bool PayloadPassthrough, string InvocationMode);
