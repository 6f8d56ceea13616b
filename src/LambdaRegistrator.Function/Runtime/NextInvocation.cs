namespace LambdaRegistrator.Function.Runtime;

/// <summary>An event handed out by <c>GET /runtime/invocation/next</c> and its headers.</summary>
internal sealed record NextInvocation(byte[] EventJson, InvocationContext Context)
{
    public string AwsRequestId => Context.AwsRequestId!;
}
