using System.Net;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Operations;

/// <summary>The address the operator gives wins over the built-in default (http://127.0.0.1:5080).</summary>
public sealed class ListeningAddressTests
{
    [Theory]
    [InlineData(AppProcess.AddressGiven.UrlsVariable)]
    [InlineData(AppProcess.AddressGiven.UrlsArgument)]
    public async Task The_real_server_listens_on_the_address_given_by_aspnetcore_urls_or_the_urls_argument(AppProcess.AddressGiven given)
    {
        var folder = TempFolder.Create();
        try
        {
            // StartAsync waits for an answer on the free port it chose, so an app bound elsewhere fails here.
            await using var app = await AppProcess.StartAsync(folder, TimeSpan.FromSeconds(60), given);

            var response = await app.Client.GetAsync("/health");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }
}
