namespace LambdaRegistrator.ConsulSimulator.Http;

/// <summary>
/// A request that makes a real Consul's handler panic, so Go's HTTP server drops the connection without a response
/// (<c>"Proxy": null</c> in a register body: <c>ConnectProxyConfig.UnmarshalJSON</c> dereferences nil). The pipeline aborts the connection.
/// </summary>
internal sealed class ConnectionResetException : Exception
{
    public ConnectionResetException(string message) : base(message)
    {
    }
}
