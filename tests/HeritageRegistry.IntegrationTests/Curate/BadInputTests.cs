using System.Net;
using AngleSharp.Html.Dom;
using HeritageRegistry.Accounts;
using HeritageRegistry.IntegrationTests.Accounts;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Curate;

/// <summary>Bad input is refused at its field with a clear message and the form shown again; nothing typed is lost.</summary>
public sealed class BadInputTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private const string SaveForm = "form.record-form";

    private static readonly Dictionary<string, string> NewPlace = new()
    {
        ["Input.NameEn"] = "Funerary temple 86", ["Input.Kind"] = "tomb", ["Input.Latitude"] = "34.55", ["Input.Longitude"] = "38.26",
    };

    private static string FieldError(IHtmlDocument page, string field) => page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent.Trim();

    [Theory]
    [InlineData("Input.NameEn", "", "Give the English name.")]
    [InlineData("Input.NameEn", "   ", "Give the English name.")]
    [InlineData("Input.Latitude", "NaN", "Latitude runs from -90 to 90 degrees.")]
    [InlineData("Input.Latitude", "Infinity", "Latitude runs from -90 to 90 degrees.")]
    [InlineData("Input.Latitude", "1e309", "Latitude runs from -90 to 90 degrees.")]
    [InlineData("Input.Latitude", "90.4", "Latitude runs from -90 to 90 degrees.")]
    [InlineData("Input.Longitude", "-Infinity", "Longitude runs from -180 to 180 degrees.")]
    [InlineData("Input.Longitude", "2147483648", "Longitude runs from -180 to 180 degrees.")]
    [InlineData("Input.Longitude", "east", "enter a number.")]
    [InlineData("Input.IsSensitive", "banana", "Tick the box or leave it empty.")]
    public async Task A_new_place_with_a_bad_value_is_refused_at_the_field_and_the_form_keeps_what_was_typed(string field, string value, string message)
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory);
        var values = new Dictionary<string, string>(NewPlace) { ["Input.Summary"] = "Typed, not yet saved", [field] = value };

        var (response, page) = await curator.SubmitAsync("/curate/sites/edit", SaveForm, values);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, FieldError(page, field), StringComparison.Ordinal);
        Assert.Equal("Typed, not yet saved", page.QuerySelector("#Input_Summary")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("/curate/sites/edit", "Input.NameEn")]
    [InlineData("/curate/reports/edit", "Input.Title")]
    [InlineData("/curate/sources/edit", "Input.Title")]
    [InlineData("/curate/sources/edit", "Input.Authors")]
    public async Task Control_characters_are_refused_in_titles_and_names(string form, string field)
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory);

        var (response, page) = await curator.SubmitAsync(form, SaveForm, new() { [field] = "Temple\u0007 of Bel" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Remove the invisible control character U+0007.", FieldError(page, field));
    }

    [Fact]
    public async Task Text_over_its_limit_is_refused_with_the_limit_named_and_comes_back_whole()
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory);
        var description = new string('a', 28_000);

        var (response, page) = await curator.SubmitAsync("/curate/sites/edit", SaveForm, new(NewPlace) { ["Input.Description"] = description });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("At most 20,000 characters (you have 28,000).", FieldError(page, "Input.Description"));
        Assert.Equal(description, ((IHtmlTextAreaElement)page.QuerySelector("#Input_Description")!).Value);
    }

    [Theory]
    [InlineData("/curate/sites/edit")]
    [InlineData("/curate/reports/edit")]
    [InlineData("/curate/sources/edit")]
    [InlineData("/curate/reports/edit/1")]
    public async Task No_form_field_tells_the_browser_to_cut_text_at_a_length(string url)
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory);

        var page = await curator.Client.GetPageAsync(url);

        Assert.Empty(page.QuerySelectorAll("form[method=post] [maxlength], [form][maxlength]").Select(e => e.GetAttribute("name")));
    }

    [Theory]
    [InlineData("/curate/sites/edit", "Input.Kind", "Choose the kind of place.")]
    [InlineData("/curate/reports/edit", "Input.Kind", "Say whether this is damage, a restoration or a context event.")]
    [InlineData("/curate/reports/edit", "Input.Verification", "Choose a verification status.")]
    [InlineData("/curate/reports/edit", "Input.Severity", null)]
    [InlineData("/curate/reports/edit", "Input.Certainty", null)]
    [InlineData("/curate/sources/edit", "Input.Kind", "Choose the kind of source.")]
    public async Task A_new_records_choices_start_empty_and_a_required_one_must_be_chosen(string form, string field, string? message)
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory);
        var page = await curator.Client.GetPageAsync(form);

        Assert.Equal("", ((IHtmlSelectElement)page.QuerySelector($"select[name='{field}']")!).Value);

        var (response, refused) = await curator.SubmitAsync(page, SaveForm, []);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        if (message is not null)
        {
            Assert.Equal(message, FieldError(refused, field));
        }
    }

    [Fact]
    public async Task A_login_with_a_control_character_is_refused_at_the_field_when_signing_in_and_when_added()
    {
        var (admin, _) = await registry.Factory.SignedInAsync(Roles.Admin);
        using var visitor = registry.Factory.Browser();

        var signIn = await visitor.SubmitAsync(await visitor.GetPageAsync("/account/login"), "main form",
            new Dictionary<string, string> { ["Input.Login"] = "alice\u001b", ["Input.Password"] = AccountFixture.Password });
        var add = await admin.SubmitAsync(await admin.GetPageAsync("/admin/users"), "#add-user", new Dictionary<string, string>
        {
            ["Input.Login"] = "bob\u0001", ["Input.DisplayName"] = "Bob\u0007", ["Input.Password"] = "a long enough password", ["Input.Role"] = Roles.Curator,
        });

        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Equal("Remove the invisible control character U+001B.", FieldError(await Html.ParseAsync(signIn), "Input.Login"));
        Assert.Equal(HttpStatusCode.BadRequest, add.StatusCode);
        var page = await Html.ParseAsync(add);
        Assert.Equal("Remove the invisible control character U+0001.", FieldError(page, "Input.Login"));
        Assert.Equal("Remove the invisible control character U+0007.", FieldError(page, "Input.DisplayName"));
    }

    [Fact]
    public async Task Disabling_a_user_with_a_value_that_is_not_yes_or_no_is_refused_and_changes_nothing()
    {
        var (admin, _) = await registry.Factory.SignedInAsync(Roles.Admin);
        var login = await registry.Factory.AddUserAsync(Roles.Curator);
        var id = (await registry.Factory.FindUserAsync(login)).Id;

        var response = await admin.SubmitAsync(await admin.GetPageAsync("/admin/users"), $"#user-{id} form[action$='handler=SetDisabled']",
            new Dictionary<string, string> { ["disabled"] = "maybe" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False((await registry.Factory.FindUserAsync(login)).IsDisabled);
    }
}
