using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HeritageRegistry.Accounts;
using HeritageRegistry.IntegrationTests.Infrastructure;
using HeritageRegistry.Pages.Curate;

namespace HeritageRegistry.IntegrationTests.Accounts;

public sealed class ChangePasswordTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private const string NewPassword = "a brand new passphrase";

    private RegistryFactory Factory => registry.Factory;

    [Fact]
    public async Task Changing_the_password_keeps_this_session_ends_the_others_and_only_the_new_password_works()
    {
        var (laptop, login) = await Factory.SignedInAsync(Roles.Curator);
        using var phone = Factory.Browser();
        await phone.SignInAsync(login);

        var changed = await ChangeAsync(laptop, AccountFixture.Password, NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/curate/password", changed.Headers.Location!.OriginalString);
        Assert.Equal(PasswordModel.Changed, (await laptop.GetPageAsync("/curate/password")).QuerySelector(".notice")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/curate")).StatusCode);
        Assert.StartsWith("/account/login", (await phone.GetAsync("/curate")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var stranger = Factory.Browser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.SignInAsync(login)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.SignInAsync(login, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused_at_its_field_with_a_400_and_changes_nothing()
    {
        var (browser, login) = await Factory.SignedInAsync(Roles.Curator);
        var before = await Factory.FindUserAsync(login);

        var response = await ChangeAsync(browser, "not my password at all", NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(PasswordModel.WrongCurrentPassword, page.QuerySelector("[data-valmsg-for='Input.CurrentPassword']")!.TextContent.Trim());
        Assert.All(page.QuerySelectorAll<IHtmlInputElement>("input[type=password]"), input => Assert.Equal("", input.Value));
        Assert.Equal(before, await Factory.FindUserAsync(login));
    }

    [Fact]
    public async Task Guesses_at_the_current_password_are_held_back_after_five_across_every_session_of_the_account()
    {
        var (laptop, login) = await Factory.SignedInAsync(Roles.Curator);
        using var phone = Factory.Browser(from: "198.51.100.50");
        await phone.SignInAsync(login);
        var before = await Factory.FindUserAsync(login);

        for (var i = 0; i < GuessThrottle.FreeFailures; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await ChangeAsync(i % 2 == 0 ? laptop : phone, $"wrong guess {i}", NewPassword, NewPassword)).StatusCode);
        }
        var rightPassword = await ChangeAsync(laptop, AccountFixture.Password, NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, rightPassword.StatusCode);
        var seconds = (int)rightPassword.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.Equal($"Too many failed tries. Try again in {seconds} seconds.",
            (await Html.ParseAsync(rightPassword)).QuerySelector("[data-valmsg-for='Input.CurrentPassword']")!.TextContent.Trim());
        Assert.Equal(before, await Factory.FindUserAsync(login));
        // Signing in is another matter: the owner is not locked out of their account.
        using var elsewhere = Factory.Browser(from: "203.0.113.50");
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.SignInAsync(login)).StatusCode);
    }

    [Theory]
    [InlineData("elevenchars", "elevenchars", "Input.NewPassword", "The new password must be at least 12 characters.")]
    [InlineData(NewPassword, "a brand new passphrasE", "Input.ConfirmPassword", "The two new passwords differ. Type the same one twice.")]
    public async Task A_short_or_mistyped_new_password_is_refused_at_its_field_with_a_400(string password, string confirmation, string field, string message)
    {
        var (browser, login) = await Factory.SignedInAsync(Roles.Curator);
        var before = await Factory.FindUserAsync(login);

        var response = await ChangeAsync(browser, AccountFixture.Password, password, confirmation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await Html.ParseAsync(response)).QuerySelector($"[data-valmsg-for='{field}']")!.TextContent.Trim());
        Assert.Equal(before, await Factory.FindUserAsync(login));
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused_with_a_400()
    {
        var (browser, login) = await Factory.SignedInAsync(Roles.Curator);
        var before = await Factory.FindUserAsync(login);

        var response = await browser.PostAsync("/curate/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = AccountFixture.Password,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await Factory.FindUserAsync(login));
    }

    private static async Task<HttpResponseMessage> ChangeAsync(HttpClient browser, string current, string password, string confirmation) =>
        await browser.SubmitAsync(await browser.GetPageAsync("/curate/password"), "main form", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = password,
            ["Input.ConfirmPassword"] = confirmation,
        });
}
