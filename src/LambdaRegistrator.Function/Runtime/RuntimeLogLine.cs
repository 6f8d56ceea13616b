namespace LambdaRegistrator.Function.Runtime;

/// <summary>One JSON log line written by the host itself (CloudWatch picks up stdout).</summary>
internal sealed record RuntimeLogLine(string Level, string Message, string? AwsRequestId, string Source = "lambda-runtime");
