using System.Net;
using Dapper;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.IntegrationTests.Accounts;
using HeritageRegistry.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Localization;

/// <summary>The Arabic pages through the output cache, and the curators' area under /ar (sign-in, forms, antiforgery).</summary>
public sealed class ArabicCachingAndCuratorsTests : IDisposable
{
    private readonly RegistryFactory _registry = new();

    public void Dispose() => _registry.Dispose();

    [Theory]
    [InlineData("/sites/temple-of-bel", "/ar/sites/temple-of-bel")]
    [InlineData("/ar/methodology", "/methodology")]
    public async Task The_cache_never_serves_one_language_for_the_other(string first, string then)
    {
        using var visitor = _registry.CreateClient();
        await FetchAsync(visitor, first);
        Assert.True((await FetchAsync(visitor, first)).Cached, $"{first} is served from the cache");

        var (_, html) = await FetchAsync(visitor, then);
        var (cached, again) = await FetchAsync(visitor, then);

        var lang = then.StartsWith("/ar", StringComparison.Ordinal) ? "lang=\"ar\"" : "lang=\"en\"";
        Assert.Contains(lang, html, StringComparison.Ordinal);
        Assert.True(cached, $"{then} is cached in its own language too");
        Assert.Contains(lang, again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_evicts_the_arabic_page_of_the_record_as_well_as_the_english_one()
    {
        using var visitor = _registry.CreateClient();
        foreach (var page in new[] { "/ar/sites/temple-of-bel", "/sites/temple-of-bel", "/ar/sites" })
        {
            await FetchAsync(visitor, page);
            Assert.True((await FetchAsync(visitor, page)).Cached, $"{page} is served from the cache");
        }

        await RenamePlaceAsync("temple-of-bel", "Sanctuary of Bel (zircon test)");

        foreach (var page in new[] { "/ar/sites/temple-of-bel", "/sites/temple-of-bel", "/ar/sites" })
        {
            var (cached, html) = await FetchAsync(visitor, page);
            Assert.False(cached, $"{page} shows the place, so the edit evicts it");
            Assert.Contains("zircon test", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_anonymous_visitor_to_an_arabic_curators_page_is_sent_to_the_arabic_sign_in()
    {
        using var visitor = _registry.Browser();

        var response = await visitor.GetAsync("/ar/curate/sites");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/ar/account/login?ReturnUrl=%2Far%2Fcurate%2Fsites", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_curator_signs_in_in_arabic_edits_a_place_and_stays_signed_in_in_both_languages()
    {
        var login = await _registry.AddUserAsync(HeritageRegistry.Accounts.Roles.Curator);
        using var browser = _registry.Browser();
        var form = await browser.GetPageAsync("/ar/account/login?ReturnUrl=%2Far%2Fcurate");
        Assert.Equal("تسجيل الدخول", form.QuerySelector("h1")!.TextContent.Trim());

        var signedIn = await browser.SubmitAsync(form, "main form", new Dictionary<string, string> { ["Input.Login"] = login, ["Input.Password"] = AccountFixture.Password });

        Assert.Equal("/ar/curate", signedIn.Headers.Location!.OriginalString);
        Assert.Equal("مكتب المحرّرين", (await browser.GetPageAsync("/ar/curate")).QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/curate")).StatusCode);

        // The form posts under /ar with its antiforgery token; a decimal coordinate binds the same as in English.
        var edit = await browser.GetPageAsync("/ar/curate/sites/edit");
        Assert.StartsWith("/ar/curate/sites/edit", edit.QuerySelector("form.record-form")!.GetAttribute("action"), StringComparison.Ordinal);
        var saved = await browser.SubmitAsync(edit, "form.record-form", new Dictionary<string, string>
        {
            ["Input.NameEn"] = "Funerary temple 86", ["Input.Kind"] = "tomb", ["Input.Latitude"] = "34.5512", ["Input.Longitude"] = "38.2601",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.StartsWith("/ar/curate/sites/edit/", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var page = await browser.GetPageAsync(saved.Headers.Location!.OriginalString);
        Assert.Equal("34.5512", page.QuerySelector("#Input_Latitude")!.GetAttribute("value"));
        Assert.Equal("ar", page.DocumentElement.GetAttribute("lang"));
    }

    // The output cache marks what it serves with an Age header; a freshly rendered page has none.
    private static async Task<(bool Cached, string Html)> FetchAsync(HttpClient client, string page)
    {
        using var response = await client.GetAsync(page);
        response.EnsureSuccessStatusCode();
        return (response.Headers.Age is not null, await response.Content.ReadAsStringAsync());
    }

    private async Task RenamePlaceAsync(string slug, string name)
    {
        var editor = _registry.Services.GetRequiredService<RecordEditor>();
        long id;
        await using (var connection = await _registry.Services.GetRequiredService<Data.Database>().OpenAsync())
        {
            id = await connection.ExecuteScalarAsync<long>("SELECT id FROM site WHERE slug = @slug", new { slug });
        }
        var record = (await editor.GetAsync(RecordType.Site, id, CancellationToken.None))!;
        var saved = await editor.UpdateAsync(RecordType.Site, id, record.Version,
            new Dictionary<string, object?>(record.Values) { ["name_en"] = name }, null, null, CancellationToken.None);
        Assert.Equal(SaveStatus.Saved, saved.Status);
    }
}
