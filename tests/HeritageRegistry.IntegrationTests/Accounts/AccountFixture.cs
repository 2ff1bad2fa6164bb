using HeritageRegistry.Accounts;
using HeritageRegistry.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Accounts;

public static class AccountFixture
{
    public const string Password = "correct horse battery staple";

    /// <summary>Adds a user through the app's own store and hasher, with a login unique to the test.</summary>
    public static async Task<string> AddUserAsync(this RegistryFactory factory, string role)
    {
        var login = $"{role}-{Guid.NewGuid():N}"[..20];
        var hash = factory.Services.GetRequiredService<IPasswordHasher<AppUser>>().HashPassword(new AppUser(), Password);
        Assert.True(await factory.Services.GetRequiredService<UserStore>().AddAsync(login, $"Test {role}", role, hash, CancellationToken.None));
        return login;
    }

    public static async Task<AppUser> FindUserAsync(this RegistryFactory factory, string login) =>
        await factory.Services.GetRequiredService<UserStore>().FindByLoginAsync(login, CancellationToken.None)
        ?? throw new InvalidOperationException($"No user '{login}'");

    /// <summary>A new user of the role, signed in on a browser of their own.</summary>
    public static async Task<(HttpClient Browser, string Login)> SignedInAsync(this RegistryFactory factory, string role)
    {
        var login = await factory.AddUserAsync(role);
        var browser = factory.Browser();
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await browser.SignInAsync(login)).StatusCode);
        return (browser, login);
    }

    /// <summary>A browser of its own; <paramref name="from"/> gives it a client address of its own too.</summary>
    public static HttpClient Browser(this RegistryFactory factory, string? from = null)
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (from is not null)
        {
            browser.DefaultRequestHeaders.Add(TestClientAddress.Header, from);
        }
        return browser;
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string login, string password = Password)
    {
        var page = await client.GetPageAsync("/account/login");
        return await client.SubmitAsync(page, "main form", new Dictionary<string, string> { ["Input.Login"] = login, ["Input.Password"] = password });
    }
}
