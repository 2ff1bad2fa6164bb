using AngleSharp.Html.Dom;
using HeritageRegistry.Accounts;
using HeritageRegistry.IntegrationTests.Accounts;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Curate;

/// <summary>A signed-in curator (or editor, or admin) driving the real curators' forms.</summary>
public sealed class CuratorSession : IDisposable
{
    private CuratorSession(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    /// <summary>Signs in a new user of <paramref name="role"/>: an editor where the test publishes, since curators submit for review.</summary>
    public static async Task<CuratorSession> SignInAsync(RegistryFactory factory, string role = Roles.Curator)
    {
        var login = await factory.AddUserAsync(role);
        var client = factory.Browser();
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.SignInAsync(login)).StatusCode);
        return new CuratorSession(client);
    }

    /// <summary>Loads a page, submits one of its forms and follows the redirect when it succeeds.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> SubmitAsync(string url, string form, Dictionary<string, string> values)
    {
        var page = await Client.GetPageAsync(url);
        return await SubmitAsync(page, form, values);
    }

    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> SubmitAsync(IHtmlDocument page, string form, Dictionary<string, string> values)
    {
        var response = await Client.SubmitAsync(page, form, values);
        if (response.StatusCode == System.Net.HttpStatusCode.Redirect)
        {
            var next = await Client.GetPageAsync(response.Headers.Location!.OriginalString);
            return (response, next);
        }
        return (response, await Html.ParseAsync(response));
    }

    public void Dispose() => Client.Dispose();
}
