namespace LambdaRegistrator.TestKit.Lambda;

/// <summary>The parsed body of an error post: <c>{"errorMessage","errorType","stackTrace"}</c>.</summary>
public sealed record RuntimeApiError(string ErrorType, string ErrorMessage, IReadOnlyList<string> StackTrace);
