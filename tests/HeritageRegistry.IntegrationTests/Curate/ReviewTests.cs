using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Dapper;
using HeritageRegistry.Accounts;
using HeritageRegistry.IntegrationTests.Accounts;
using HeritageRegistry.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Curate;

/// <summary>Review before publishing: curators submit, editors approve or send back, and the public sees only what was approved.</summary>
public sealed class ReviewTests : IDisposable
{
    private const string SaveForm = "form.record-form";
    private const string SubmitForm = "form[action*='handler=Submit']";
    private const string PublishForm = "form[action*='handler=Publish']";
    private readonly RegistryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_submitted_draft_is_shown_in_the_queue_with_its_fields_and_once_approved_the_public_sees_it_with_its_history()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        using var editor = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var (reference, page) = await DraftReportAsync(curator, "Lintel of the north gate fallen", "temple-of-bel");

        var (submitted, _) = await curator.SubmitAsync(page, SubmitForm, new() { ["comment"] = "Checked against S01." });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClient().GetAsync($"/reports/{reference}")).StatusCode);

        var queue = await editor.Client.GetPageAsync("/curate/review");
        var item = Item(queue, reference);
        Assert.Contains("Lintel of the north gate fallen", item.TextContent);
        Assert.Contains("Temple of Bel", item.TextContent); // its place, by name
        Assert.Contains("Test curator", item.TextContent); // its author
        Assert.Contains("Checked against S01.", item.TextContent);
        Assert.Contains(item.QuerySelectorAll("table.diff tr"), row => row.TextContent.Contains("Title") && row.TextContent.Contains("Lintel of the north gate fallen"));
        Assert.Equal("Moderately damaged", DiffRow(item, "Severity").QuerySelector("ins")!.TextContent.Trim()); // all its fields, as read

        var (approved, after) = await editor.SubmitAsync(queue, $"#{item.Id} button[formaction*='handler=Approve']", []);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Null(after.QuerySelector($"#{item.Id}"));
        var shown = await _factory.CreateClient().GetPageAsync($"/reports/{reference}");
        Assert.Contains("Lintel of the north gate fallen", shown.QuerySelector("h1")!.TextContent);

        var history = (await curator.Client.GetPageAsync($"/curate/history/report/{await IdAsync(reference)}")).Text();
        Assert.Contains("submit", history);
        Assert.Contains("Checked against S01.", history);
        Assert.Contains("approve", history);
    }

    [Fact]
    public async Task A_draft_sent_back_shows_the_editors_comment_to_its_author_and_stays_private()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        using var editor = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var (reference, page) = await DraftReportAsync(curator, "Columns toppled on the decumanus", "temple-of-bel");
        await curator.SubmitAsync(page, SubmitForm, []);

        var queue = await editor.Client.GetPageAsync("/curate/review");
        var item = Item(queue, reference);
        var (returned, _) = await editor.SubmitAsync(queue, $"#{item.Id} button[formaction*='handler=Return']",
            new() { ["comment"] = "Which columns? Name them by the tetrapylon." });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);

        var edit = await curator.Client.GetPageAsync($"/curate/reports/edit/{await IdAsync(reference)}");
        Assert.Contains("Which columns? Name them by the tetrapylon.", edit.QuerySelector(".banner-returned")!.TextContent);
        Assert.NotNull(edit.QuerySelector(SubmitForm)); // it can be mended and submitted again
        Assert.Contains("Which columns?", (await curator.Client.GetPageAsync("/curate")).QuerySelector(".returned")!.TextContent);
        Assert.Contains("return", (await curator.Client.GetPageAsync($"/curate/history/report/{await IdAsync(reference)}")).Text());
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClient().GetAsync($"/reports/{reference}")).StatusCode);
    }

    [Fact]
    public async Task A_curator_has_no_publish_button_and_a_publish_post_is_refused()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        var (reference, page) = await DraftReportAsync(curator, "Gate seen from the road", "temple-of-bel");
        Assert.Null(page.QuerySelector(PublishForm));

        var version = ((IHtmlInputElement)page.QuerySelector($"{SubmitForm} input[name='version']")!).Value;
        var forged = await curator.Client.PostAsync($"/curate/reports/edit/{await IdAsync(reference)}?handler=Publish", Antiforgery(page, version));

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("Only an editor can publish", await forged.Content.ReadAsStringAsync());
        Assert.Equal("draft", await ScalarAsync<string>("SELECT publication FROM damage_report WHERE reference = @reference", new { reference }));
    }

    [Fact]
    public async Task A_record_of_a_sensitive_place_needs_an_editor_other_than_its_author()
    {
        using var author = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        using var other = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var (reference, page) = await DraftReportAsync(author, "Tomb entrance dug open", "valley-of-the-tombs");
        Assert.Null(page.QuerySelector(PublishForm)); // the author, though an editor, cannot publish it
        await author.SubmitAsync(page, SubmitForm, []);

        var queue = await author.Client.GetPageAsync("/curate/review");
        var (refused, refusal) = await author.SubmitAsync(queue, $"#{Item(queue, reference).Id} button[formaction*='handler=Approve']", []);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("an editor other than its author", refusal.Text());
        Assert.Equal("draft", await ScalarAsync<string>("SELECT publication FROM damage_report WHERE reference = @reference", new { reference }));

        var otherQueue = await other.Client.GetPageAsync("/curate/review");
        var (approved, _) = await other.SubmitAsync(otherQueue, $"#{Item(otherQueue, reference).Id} button[formaction*='handler=Approve']", []);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal("published", await ScalarAsync<string>("SELECT publication FROM damage_report WHERE reference = @reference", new { reference }));
    }

    [Fact]
    public async Task An_edit_to_a_published_record_is_not_public_until_approved_and_the_public_sees_the_old_version_meanwhile()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        using var editor = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var id = await IdAsync("PAL-2015-0010");
        var published = await ScalarAsync<string>("SELECT title FROM damage_report WHERE reference = 'PAL-2015-0010'");

        var (saved, edit) = await curator.SubmitAsync($"/curate/reports/edit/{id}", SaveForm,
            new() { ["Input.Title"] = "A corrected title awaiting review", ["Input.EditNote"] = "Title per the UNOSAT wording." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("A corrected title awaiting review", ((IHtmlInputElement)edit.QuerySelector("#Input_Title")!).Value); // the author goes on with the proposal
        Assert.NotNull(edit.QuerySelector(".banner-review"));
        Assert.Equal(published, await ScalarAsync<string>("SELECT title FROM damage_report WHERE reference = 'PAL-2015-0010'"));
        var before = await _factory.CreateClient().GetPageAsync("/reports/PAL-2015-0010");
        Assert.Contains(published, before.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain("A corrected title awaiting review", before.Text());

        var queue = await editor.Client.GetPageAsync("/curate/review");
        var item = Item(queue, "PAL-2015-0010");
        var titleRow = item.QuerySelectorAll("table.diff tr").Single(row => row.QuerySelector("th")!.TextContent == "Title");
        Assert.Contains(published, titleRow.QuerySelector("del")!.TextContent);
        Assert.Contains("A corrected title awaiting review", titleRow.QuerySelector("ins")!.TextContent);
        Assert.Single(item.QuerySelectorAll("table.diff tbody tr")); // only what changed

        await editor.SubmitAsync(queue, $"#{item.Id} button[formaction*='handler=Approve']", []);
        var after = await _factory.CreateClient().GetPageAsync("/reports/PAL-2015-0010");
        Assert.Contains("A corrected title awaiting review", after.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_proposed_change_in_the_queue_names_the_places_it_moves_between_and_labels_its_codes()
    {
        var item = await ProposeMoveAsync("/curate/review");

        var site = DiffRow(item, "Site");
        Assert.Contains("temple-of-baalshamin · Temple of Baalshamin", site.QuerySelector("del")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("temple-of-bel · Temple of Bel", site.QuerySelector("ins")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d", site.TextContent);
        var severity = DiffRow(item, "Severity");
        Assert.Equal("Destroyed", severity.QuerySelector("del")!.TextContent.Trim());
        Assert.Equal("Severely damaged", severity.QuerySelector("ins")!.TextContent.Trim());
        Assert.Equal("High", DiffRow(item, "Certainty").QuerySelector("ins")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_arabic_queue_gives_the_arabic_labels_of_a_proposed_changes_codes()
    {
        var item = await ProposeMoveAsync("/ar/curate/review");

        var severity = DiffRow(item, "Severity");
        Assert.Equal(Vocabulary.Vocab.Severities.Find("destroyed")!.Arabic, severity.QuerySelector("del")!.TextContent.Trim());
        Assert.Equal(Vocabulary.Vocab.Severities.Find("severely-damaged")!.Arabic, severity.QuerySelector("ins")!.TextContent.Trim());
        Assert.Equal(Vocabulary.Vocab.Certainties.Find("high")!.Arabic, DiffRow(item, "Certainty").QuerySelector("ins")!.TextContent.Trim());
    }

    /// <summary>A curator proposes moving PAL-2015-0011 (Temple of Baalshamin, destroyed, definite) to the Temple of Bel as severely
    /// damaged, with high certainty; returns the proposal's entry in an editor's queue at <paramref name="queueUrl"/>.</summary>
    private async Task<AngleSharp.Dom.IElement> ProposeMoveAsync(string queueUrl)
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        using var editor = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var (saved, _) = await curator.SubmitAsync($"/curate/reports/edit/{await IdAsync("PAL-2015-0011")}", SaveForm, new()
        {
            ["Input.SiteId"] = "temple-of-bel", ["Input.Severity"] = "severely-damaged", ["Input.Certainty"] = "high",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return Item(await editor.Client.GetPageAsync(queueUrl), "PAL-2015-0011");
    }

    /// <summary>The row of a queue entry's diff for a field, found by the field's label.</summary>
    private static AngleSharp.Dom.IElement DiffRow(AngleSharp.Dom.IElement item, string field) =>
        item.QuerySelectorAll("table.diff tbody tr").Single(row => row.QuerySelector("th")!.TextContent.Trim() == field);

    [Fact]
    public async Task An_editors_own_change_to_an_ordinary_published_record_is_published_at_once()
    {
        using var editor = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var (saved, page) = await editor.SubmitAsync($"/curate/reports/edit/{await IdAsync("PAL-2015-0010")}", SaveForm,
            new() { ["Input.Title"] = "Title changed by an editor" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Saved and published", page.Text());
        Assert.Contains("Title changed by an editor", (await _factory.CreateClient().GetPageAsync("/reports/PAL-2015-0010")).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Two_editors_approving_one_submission_at_once_get_one_approval_and_one_conflict()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        using var first = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        using var second = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var id = await IdAsync("PAL-2015-0010");
        await curator.SubmitAsync($"/curate/reports/edit/{id}", SaveForm, new() { ["Input.Title"] = "Proposed once, approved once" });
        var (firstQueue, secondQueue) = (await first.Client.GetPageAsync("/curate/review"), await second.Client.GetPageAsync("/curate/review"));
        var button = $"#{Item(firstQueue, "PAL-2015-0010").Id} button[formaction*='handler=Approve']";

        var answers = await Task.WhenAll(first.Client.SubmitAsync(firstQueue, button, new Dictionary<string, string>()), second.Client.SubmitAsync(secondQueue, button, new Dictionary<string, string>()));

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        Assert.Contains("Another editor decided on this submission first", await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync());
        Assert.Equal(1, await ScalarAsync<long>("SELECT COUNT(*) FROM revision WHERE entity_type = 'report' AND entity_id = @id AND action = 'approve'", new { id }));
    }

    [Fact]
    public async Task A_change_approved_after_the_record_moved_on_is_refused_as_a_conflict()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        using var editor = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var id = await IdAsync("PAL-2015-0010");
        await curator.SubmitAsync($"/curate/reports/edit/{id}", SaveForm, new() { ["Input.Title"] = "A proposal made on an old version" });
        var queue = await editor.Client.GetPageAsync("/curate/review");
        await editor.SubmitAsync($"/curate/reports/edit/{id}", SaveForm, new() { ["Input.Title"] = "The editor's own direct change" });

        var (refused, page) = await editor.SubmitAsync(queue, $"#{Item(queue, "PAL-2015-0010").Id} button[formaction*='handler=Approve']", []);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("changed", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("The editor's own direct change", await ScalarAsync<string>("SELECT title FROM damage_report WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task Approving_a_report_without_a_source_is_refused_by_the_publication_rule()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        using var editor = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var (reference, page) = await DraftReportAsync(curator, "Unsourced claim of damage", "temple-of-bel", cite: false);
        await curator.SubmitAsync(page, SubmitForm, []);

        var queue = await editor.Client.GetPageAsync("/curate/review");
        var (refused, answer) = await editor.SubmitAsync(queue, $"#{Item(queue, reference).Id} button[formaction*='handler=Approve']", []);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("without at least one cited source", answer.Text());
        Assert.Equal("draft", await ScalarAsync<string>("SELECT publication FROM damage_report WHERE reference = @reference", new { reference }));
        Assert.Equal(0, await ScalarAsync<long>("SELECT COUNT(*) FROM review WHERE state = 'approved'"));
    }

    [Theory]
    [InlineData("Approve", "0", "1", "")]
    [InlineData("Approve", "abc", "1", "")]
    [InlineData("Approve", "999999", "1", "")]
    [InlineData("Approve", "{id}", "abc", "")]
    [InlineData("Return", "{id}", "", "")]
    [InlineData("Return", "{id}", "", "{long}")]
    [InlineData("Return", "{id}", "", "bad\u0001control")]
    [InlineData("Return", "-1", "", "why")]
    public async Task Bad_review_posts_get_a_4xx_with_a_message_and_change_nothing(string handler, string id, string version, string comment)
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        using var editor = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var (reference, page) = await DraftReportAsync(curator, "Fuzzed submission", "temple-of-bel");
        await curator.SubmitAsync(page, SubmitForm, []);
        var queue = await editor.Client.GetPageAsync("/curate/review");
        var submission = Item(queue, reference).Id!.Replace("review-", "").Replace("-item", "");

        var answer = await editor.Client.SubmitAsync(queue, $"#review-{submission}-item button[formaction*='handler={handler}']", new Dictionary<string, string>
        {
            ["id"] = id.Replace("{id}", submission), ["version"] = version, ["comment"] = comment.Replace("{long}", new string('x', 2001)),
        });

        Assert.InRange((int)answer.StatusCode, 400, 499);
        if (answer.StatusCode != HttpStatusCode.NotFound)
        {
            Assert.NotNull((await Html.ParseAsync(answer)).QuerySelector("[role=alert]"));
        }
        Assert.Equal("pending", await ScalarAsync<string>("SELECT state FROM review"));
    }

    [Fact]
    public async Task An_over_long_submission_comment_is_refused_with_a_message()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        var (_, page) = await DraftReportAsync(curator, "Submitted with an essay", "temple-of-bel");

        var (refused, answer) = await curator.SubmitAsync(page, SubmitForm, new() { ["comment"] = new string('x', 2001) });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Comment:", answer.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(0, await ScalarAsync<long>("SELECT COUNT(*) FROM review"));
    }

    [Fact]
    public async Task Anonymous_visitors_and_curators_cannot_reach_the_review_queue_or_its_actions()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        var (reference, page) = await DraftReportAsync(curator, "Submitted, then approved by nobody", "temple-of-bel");
        await curator.SubmitAsync(page, SubmitForm, []);
        var submission = await ScalarAsync<long>("SELECT id FROM review");
        var anonymous = _factory.Browser();

        foreach (var (client, refusedTo) in new[] { (anonymous, "/account/login"), (curator.Client, "/account/denied") })
        {
            var get = await client.GetAsync("/curate/review");
            Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
            Assert.Contains(refusedTo, get.Headers.Location!.OriginalString);
            foreach (var handler in new[] { "Approve", "Return" })
            {
                var post = await client.PostAsync($"/curate/review?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["id"] = submission.ToString(CultureInfo.InvariantCulture), ["version"] = "1", ["comment"] = "x",
                }));
                Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
                Assert.Contains(refusedTo, post.Headers.Location!.OriginalString);
            }
        }
        Assert.Equal("pending", await ScalarAsync<string>("SELECT state FROM review"));
        Assert.Equal("draft", await ScalarAsync<string>("SELECT publication FROM damage_report WHERE reference = @reference", new { reference }));
        Assert.Null((await curator.Client.GetPageAsync("/curate")).QuerySelector("a[href$='/curate/review']"));
    }

    /// <summary>Creates a draft report at the place, citing S01 unless told not to; returns its reference and its edit page.</summary>
    private async Task<(string Reference, IHtmlDocument Page)> DraftReportAsync(CuratorSession session, string title, string place, bool cite = true)
    {
        var (_, page) = await session.SubmitAsync("/curate/reports/edit", SaveForm, new()
        {
            ["Input.SiteId"] = place,
            ["Input.Kind"] = "damage", ["Input.Title"] = title, ["Input.EventDate"] = "2018-04-02",
            ["Input.Severity"] = "moderately-damaged", ["Input.Certainty"] = "medium", ["Input.Verification"] = "reported",
            ["Input.Cause"] = "gunfire-light-weaponry", ["Input.Description"] = "Seen on a visit.",
        });
        if (cite)
        {
            (_, page) = await session.SubmitAsync(page, "button.add-citation", new() { ["Citation.SourceId"] = "S01" });
        }
        return (page.QuerySelector("h1")!.TextContent.Trim().Split(' ').Last(), page);
    }

    /// <summary>The queue's entry for a record, found by its reference.</summary>
    private static AngleSharp.Dom.IElement Item(IHtmlDocument queue, string reference) =>
        queue.QuerySelectorAll("li.review-item").Single(item => item.QuerySelector("h2")!.TextContent.Contains(reference, StringComparison.Ordinal));

    /// <summary>A post with the page's antiforgery token, as a forged form would send it.</summary>
    private static FormUrlEncodedContent Antiforgery(IHtmlDocument page, string version) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = ((IHtmlInputElement)page.QuerySelector("input[name='__RequestVerificationToken']")!).Value,
        ["version"] = version,
    });

    private Task<long> IdAsync(string reference) => ScalarAsync<long>("SELECT id FROM damage_report WHERE reference = @reference", new { reference });

    private async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await _factory.Services.GetRequiredService<Data.Database>().OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }
}
