using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace HeritageRegistry.IntegrationTests.Infrastructure;

/// <summary>
/// The test server gives every request the same (or no) remote address; a test that plays several
/// clients, or a proxy, names the address in this header. Applied before the app's own pipeline,
/// as the network would, so the app's forwarded-headers handling sees it as the connection's address.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Remote-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var address))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                context.Request.Headers.Remove(Header);
            }
            await nextMiddleware(context);
        });
        next(app);
    };
}
