using System.Net;
using System.Net.Sockets;

namespace HeritageRegistry.Hosting;

/// <summary>The client a request came from, as limits count it.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The remote address, which is the real client's once forwarded headers from a configured proxy
    /// are applied. An IPv6 client counts by its /64 network: one host is usually given the whole /64,
    /// and counting each address would let it pick a fresh one for every try.
    /// </summary>
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        { AddressFamily: AddressFamily.InterNetworkV6 } address => Network64(address),
        var address => address.ToString(),
    };

    private static string Network64(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
