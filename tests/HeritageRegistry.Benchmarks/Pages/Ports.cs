using System.Net;
using System.Net.Sockets;

namespace HeritageRegistry.Benchmarks.Pages;

public static class Ports
{
    /// <summary>A loopback port nothing listens on now, for an app the bench starts.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
