using System.Net;
using System.Net.Sockets;

namespace LambdaRegistrator.TestKit;

/// <summary>Finds a free TCP port on 127.0.0.1 for a server a test starts.</summary>
public static class FreePort
{
    /// <summary>Asks the OS for an unused loopback port and releases it at once.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
