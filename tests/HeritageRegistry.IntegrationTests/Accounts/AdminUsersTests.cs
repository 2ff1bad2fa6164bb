using System.Net;
using AngleSharp.Html.Dom;
using HeritageRegistry.Accounts;
using HeritageRegistry.IntegrationTests.Infrastructure;
using HeritageRegistry.Pages.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Accounts;

public sealed class AdminUsersTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private RegistryFactory Factory => registry.Factory;

    [Fact]
    public async Task An_admin_adds_a_curator_who_can_then_sign_in()
    {
        var (admin, _) = await Factory.SignedInAsync(Roles.Admin);
        var login = $"new-{Guid.NewGuid():N}"[..16];

        var added = await admin.SubmitAsync(await admin.GetPageAsync("/admin/users"), "#add-user", NewUser(login));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("/admin/users", added.Headers.Location!.OriginalString);
        var list = await admin.GetPageAsync("/admin/users");
        Assert.Contains($"Added curator '{login}'", list.QuerySelector(".notice")!.TextContent);
        Assert.Contains(login, list.QuerySelector("table.users")!.TextContent);
        using var newcomer = Factory.Browser();
        Assert.Equal("/curate", (await newcomer.SignInAsync(login, "a long initial password")).Headers.Location!.OriginalString);
        Assert.Equal(Roles.Curator, (await Factory.FindUserAsync(login)).Role);
    }

    [Fact]
    public async Task The_list_shows_each_users_role_and_access_and_until_when_guesses_at_their_password_are_held_back()
    {
        var (admin, _) = await Factory.SignedInAsync(Roles.Admin);
        var guessedAt = await Factory.FindUserAsync(await Factory.AddUserAsync(Roles.Curator));
        var untouched = await Factory.FindUserAsync(await Factory.AddUserAsync(Roles.Curator));
        using var guesser = Factory.Browser(from: "198.51.100.60");
        for (var i = 0; i < GuessThrottle.FreeFailures; i++)
        {
            await guesser.SignInAsync(guessedAt.Login, $"wrong guess {i}");
        }

        var page = await admin.GetPageAsync("/admin/users");
        var row = page.QuerySelector($"#user-{guessedAt.Id}")!;

        Assert.Equal(guessedAt.Login, row.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal(Roles.Curator, ((IHtmlSelectElement)row.QuerySelector("select[name=role]")!).Value);
        Assert.Contains("enabled", row.TextContent);
        var until = DateTimeOffset.Parse(row.QuerySelector("time")!.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(until - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(32));
        Assert.Contains("no one held back", page.QuerySelector($"#user-{untouched.Id}")!.TextContent);
    }

    [Fact]
    public async Task A_login_already_taken_is_refused_at_the_login_field_with_a_400_and_the_form_keeps_what_was_typed()
    {
        var (admin, _) = await Factory.SignedInAsync(Roles.Admin);
        var existing = await Factory.AddUserAsync(Roles.Curator);

        var response = await admin.SubmitAsync(await admin.GetPageAsync("/admin/users"), "#add-user",
            NewUser(existing.ToUpperInvariant(), role: Roles.Admin));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(UsersModel.LoginTaken, FieldError(page, "Input.Login"));
        Assert.Equal(existing.ToUpperInvariant(), Value(page, "#Input_Login"));
        Assert.Equal("Someone New", Value(page, "#Input_DisplayName"));
        Assert.Equal(Roles.Admin, ((IHtmlSelectElement)page.QuerySelector("#Input_Role")!).Value);
        Assert.Equal("", Value(page, "#Input_Password"));
        Assert.Equal(Roles.Curator, (await Factory.FindUserAsync(existing)).Role);
    }

    [Fact]
    public async Task A_short_initial_password_is_refused_at_its_field_with_a_400()
    {
        var (admin, _) = await Factory.SignedInAsync(Roles.Admin);
        var login = $"short-{Guid.NewGuid():N}"[..16];

        var response = await admin.SubmitAsync(await admin.GetPageAsync("/admin/users"), "#add-user", NewUser(login, password: "elevenchars"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The password must be at least 12 characters.", FieldError(await Html.ParseAsync(response), "Input.Password"));
        Assert.Null(await Factory.Services.GetRequiredService<UserStore>().FindByLoginAsync(login, CancellationToken.None));
    }

    [Fact]
    public async Task A_curator_is_sent_to_the_not_allowed_page_and_cannot_post_to_the_users_page_even_with_a_valid_token()
    {
        var (curator, _) = await Factory.SignedInAsync(Roles.Curator);
        var target = await Factory.FindUserAsync(await Factory.AddUserAsync(Roles.Curator));

        var read = await curator.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.StartsWith("/account/denied", read.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await curator.GetAsync(read.Headers.Location)).StatusCode);

        // A token from a page the curator may use is valid for their session, but not a key to admin pages.
        var passwordPage = await curator.GetPageAsync("/curate/password");
        var token = Value(passwordPage, "input[name='__RequestVerificationToken']");
        var post = await curator.PostAsync("/admin/users?handler=SetRole", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["id"] = target.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["role"] = Roles.Admin,
        }));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/account/denied", post.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(Roles.Curator, (await Factory.FindUserAsync(target.Login)).Role);
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_open_session_and_enabling_lets_them_back_in()
    {
        var (admin, _) = await Factory.SignedInAsync(Roles.Admin);
        var (curator, login) = await Factory.SignedInAsync(Roles.Curator);
        var id = (await Factory.FindUserAsync(login)).Id;
        Assert.Equal(HttpStatusCode.OK, (await curator.GetAsync("/curate")).StatusCode);

        var disabled = await admin.SubmitAsync(await admin.GetPageAsync("/admin/users"), RowForm(id, "SetDisabled"), new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Contains($"'{login}' is disabled", (await admin.GetPageAsync("/admin/users")).QuerySelector(".notice")!.TextContent);
        Assert.StartsWith("/account/login", (await curator.GetAsync("/curate")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await curator.SignInAsync(login)).StatusCode);

        await admin.SubmitAsync(await admin.GetPageAsync("/admin/users"), RowForm(id, "SetDisabled"), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, (await curator.SignInAsync(login)).StatusCode);
    }

    [Fact]
    public async Task Changing_a_role_ends_the_users_open_session_and_their_next_sign_in_carries_the_new_role()
    {
        var (admin, _) = await Factory.SignedInAsync(Roles.Admin);
        var (curator, login) = await Factory.SignedInAsync(Roles.Curator);
        var id = (await Factory.FindUserAsync(login)).Id;

        var promoted = await admin.SubmitAsync(await admin.GetPageAsync("/admin/users"), RowForm(id, "SetRole"),
            new Dictionary<string, string> { ["role"] = Roles.Admin });

        Assert.Equal(HttpStatusCode.Redirect, promoted.StatusCode);
        Assert.StartsWith("/account/login", (await curator.GetAsync("/curate")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        await curator.SignInAsync(login);
        Assert.Equal(HttpStatusCode.OK, (await curator.GetAsync("/admin/users")).StatusCode);
    }

    [Theory]
    [InlineData("SetDisabled", "disabled", "true")]
    [InlineData("SetRole", "role", Roles.Curator)]
    public async Task An_admin_cannot_disable_themself_or_remove_their_own_admin_role(string handler, string field, string value)
    {
        var (admin, login) = await Factory.SignedInAsync(Roles.Admin);
        var self = await Factory.FindUserAsync(login);
        var other = await Factory.FindUserAsync(await Factory.AddUserAsync(Roles.Curator));
        var page = await admin.GetPageAsync("/admin/users");
        Assert.Empty(page.QuerySelectorAll($"#user-{self.Id} form"));

        // The page offers no such button, so aim another row's form at oneself, as a stale or edited page would.
        var response = await admin.SubmitAsync(page, RowForm(other.Id, handler), new Dictionary<string, string>
        {
            ["id"] = self.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [field] = value,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var refused = await Html.ParseAsync(response);
        Assert.Equal(UsersModel.NotYourself, refused.QuerySelector("[role=alert]")!.TextContent.Trim());
        Assert.Equal(self, await Factory.FindUserAsync(login));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused_with_a_400()
    {
        var (admin, _) = await Factory.SignedInAsync(Roles.Admin);
        var login = $"forged-{Guid.NewGuid():N}"[..16];

        var response = await admin.PostAsync("/admin/users?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Login"] = login,
            ["Input.DisplayName"] = "Forged",
            ["Input.Role"] = Roles.Admin,
            ["Input.Password"] = "a long initial password",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await Factory.Services.GetRequiredService<UserStore>().FindByLoginAsync(login, CancellationToken.None));
    }

    private static Dictionary<string, string> NewUser(string login, string role = Roles.Curator, string password = "a long initial password") => new()
    {
        ["Input.Login"] = login,
        ["Input.DisplayName"] = "Someone New",
        ["Input.Role"] = role,
        ["Input.Password"] = password,
    };

    private static string RowForm(long userId, string handler) => $"#user-{userId} form[action$='handler={handler}']";

    private static string FieldError(IHtmlDocument page, string field) => page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent.Trim();

    private static string Value(IHtmlDocument page, string selector) => ((IHtmlInputElement)page.QuerySelector(selector)!).Value;
}

/// <summary>On its own database, so no admin added by another test can stand in for the last one.</summary>
public sealed class LastAdminTests : IDisposable
{
    private readonly RegistryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_last_enabled_admin_can_be_neither_disabled_nor_demoted_until_there_is_another()
    {
        var users = _factory.Services.GetRequiredService<UserStore>();
        var only = await _factory.FindUserAsync(await _factory.AddUserAsync(Roles.Admin));
        var disabledAdmin = await _factory.FindUserAsync(await _factory.AddUserAsync(Roles.Admin));
        Assert.True(await users.SetDisabledAsync(disabledAdmin.Id, true, CancellationToken.None));

        Assert.False(await users.SetDisabledAsync(only.Id, true, CancellationToken.None));
        Assert.False(await users.SetRoleAsync(only.Id, Roles.Curator, CancellationToken.None));
        Assert.Equal(only, await _factory.FindUserAsync(only.Login));

        Assert.True(await users.SetDisabledAsync(disabledAdmin.Id, false, CancellationToken.None));
        Assert.True(await users.SetRoleAsync(only.Id, Roles.Curator, CancellationToken.None));
    }
}
