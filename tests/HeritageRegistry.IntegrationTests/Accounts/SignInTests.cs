using System.Net;
using HeritageRegistry.Accounts;
using HeritageRegistry.IntegrationTests.Infrastructure;
using HeritageRegistry.Pages.Account;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Accounts;

public sealed class SignInTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private RegistryFactory Factory => registry.Factory;

    [Fact]
    public async Task A_curator_signs_in_reaches_the_curators_desk_and_signs_out()
    {
        var login = await Factory.AddUserAsync(Roles.Curator);
        using var client = Factory.Browser();

        var signIn = await client.SignInAsync(login);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/curate", signIn.Headers.Location!.OriginalString);
        var desk = await client.GetPageAsync("/curate");
        Assert.Contains("Signed in as Test curator", desk.Text());

        var signOut = await client.SubmitAsync(desk, "form.inline-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var after = await client.GetAsync("/curate");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_login_get_the_same_message_and_a_401()
    {
        var login = await Factory.AddUserAsync(Roles.Curator);
        using var client = Factory.Browser();

        var wrongPassword = await client.SignInAsync(login, "not the password at all");
        var unknownLogin = await client.SignInAsync("nobody-by-this-name", "not the password at all");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownLogin.StatusCode);
        foreach (var response in new[] { wrongPassword, unknownLogin })
        {
            var page = await Html.ParseAsync(response);
            Assert.Equal(LoginModel.FailureMessage, page.QuerySelector(".field-error li")!.TextContent.Trim());
            Assert.Equal("", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input_Password")!).Value);
        }
    }

    [Fact]
    public async Task An_empty_form_says_what_is_missing_with_a_400()
    {
        using var client = Factory.Browser();

        var response = await client.SignInAsync("", "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = (await Html.ParseAsync(response)).Text();
        Assert.Contains("Enter your login.", text);
        Assert.Contains("Enter your password.", text);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var login = await Factory.AddUserAsync(Roles.Curator);
        using var client = Factory.Browser();

        for (var i = 0; i < CredentialChecker.MaxFailures; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SignInAsync(login, $"wrong guess {i}")).StatusCode);
        }
        var rightPassword = await client.SignInAsync(login);

        Assert.Equal(HttpStatusCode.Unauthorized, rightPassword.StatusCode);
    }

    [Fact]
    public async Task A_disabled_users_open_session_stops_working_at_the_next_request()
    {
        var login = await Factory.AddUserAsync(Roles.Curator);
        using var client = Factory.Browser();
        await client.SignInAsync(login);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/curate")).StatusCode);

        var users = Factory.Services.GetRequiredService<UserStore>();
        var user = await users.FindByLoginAsync(login, CancellationToken.None);
        await users.SetDisabledAsync(user!.Id, true, CancellationToken.None);

        var response = await client.GetAsync("/curate");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SignInAsync(login)).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_never_returns_to_another_site()
    {
        var login = await Factory.AddUserAsync(Roles.Curator);
        using var client = Factory.Browser();
        var page = await client.GetPageAsync("/account/login?returnUrl=https%3A%2F%2Fevil.example%2F");

        var response = await client.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.Login"] = login,
            ["Input.Password"] = AccountFixture.Password,
        });

        Assert.Equal("/curate", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused_with_a_400()
    {
        var login = await Factory.AddUserAsync(Roles.Curator);
        using var client = Factory.Browser();

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Login"] = login,
            ["Input.Password"] = AccountFixture.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class SignInRateLimitTests : IDisposable
{
    private const string Proxy = "10.0.0.5";
    private readonly RegistryFactory _factory = new() { SignInAttemptsPerMinute = 3, KnownProxies = [Proxy] };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_are_told_to_wait()
    {
        using var client = _factory.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.SignInAsync("someone", $"guess number {i}")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Behind_a_configured_proxy_each_real_client_has_its_own_limit()
    {
        using var busy = _factory.Browser(from: Proxy);
        busy.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.10");
        using var other = _factory.Browser(from: Proxy);
        other.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.11");

        for (var i = 0; i < 3; i++)
        {
            await busy.SignInAsync("someone", $"guess number {i}");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await busy.SignInAsync("someone", "one more")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.SignInAsync("someone", "a first guess")).StatusCode);
    }
}
