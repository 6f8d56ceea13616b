namespace LambdaRegistrator.ConsulSimulator.Json;

/// <summary>A body that Go's <c>encoding/json</c> would reject; the message is Go's error text.</summary>
internal sealed class GoJsonDecodeException : Exception
{
    public GoJsonDecodeException(string message) : base(message)
    {
    }
}
