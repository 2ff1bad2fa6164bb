using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HeritageRegistry.Accounts;
using HeritageRegistry.IntegrationTests.Accounts;
using HeritageRegistry.IntegrationTests.Infrastructure;
using HeritageRegistry.IntegrationTests.Photos;
using Microsoft.AspNetCore.Routing;
using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Curate;

/// <summary>
/// Finds every curator and admin form (from the pages the app maps, not a hand-kept list), and posts
/// each field, one at a time, with empty, oversized, control-character, wrong-type and hostile values
/// while the other fields keep plausible ones. No answer may be a server error, and a post that is
/// refused (4xx) must leave the database exactly as it was.
/// </summary>
public sealed partial class FormFuzzTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string[] Hostile =
    [
        "", new string('x', 100_000), "a\u0000\u0007\u001b[2Jb", "abc", "NaN", "1e309", "-1", "2147483648",
        "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "\u202Egnp.exe",
    ];

    /// <summary>Plausible values for the fields a new record needs, so each hostile value is tested on its own.</summary>
    private static readonly Dictionary<string, string> Plausible = new()
    {
        ["Input.NameEn"] = "Fuzzed place", ["Input.Title"] = "Fuzzed title", ["Input.EventDate"] = "2015-08-30",
        ["Input.SiteId"] = "temple-of-bel", ["Citation.SourceId"] = "S01",
        ["Input.Topic"] = "Fuzzed topic", ["Input.Versions[0].Statement"] = "One", ["Input.Versions[0].Sources"] = "S01",
        ["Input.Versions[1].Statement"] = "Two", ["Input.Versions[1].Sources"] = "S02", ["Input.Login"] = "fuzzed",
        ["Input.DisplayName"] = "Fuzzed user", ["Input.Password"] = "a long enough password",
        ["Input.Text"] = """{ "title": "Fuzzed import", "type": "report", "issued": { "date-parts": [[2015]] } }""",
    };

    [Fact]
    public async Task No_curator_or_admin_form_answers_a_server_error_or_writes_anything_when_it_refuses_a_value()
    {
        using var factory = new RegistryFactory();
        var samples = await SampleRoutesAsync(factory);
        using var browser = (await factory.SignedInAsync(Roles.Admin)).Browser;
        await using var database = await factory.OpenDatabaseAsync();

        var failures = new List<string>();
        var fuzzed = new HashSet<string>();
        var routes = Routes(factory).Where(r => r.StartsWith("/curate", StringComparison.Ordinal) || r.StartsWith("/admin", StringComparison.Ordinal)).ToList();
        foreach (var url in routes.SelectMany(route => samples(route)))
        {
            var response = await browser.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            var page = await Html.ParseAsync(response);
            foreach (var (form, submitter, key) in Submissions(page).Where(s => fuzzed.Add(s.Key)).ToList())
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                await FuzzAsync(browser, database, url, form, submitter, key, failures);
                output.WriteLine($"{watch.ElapsedMilliseconds} ms {key}");
            }
        }

        Assert.Contains(fuzzed, key => key.Contains("/curate/sites/edit/#?handler=Save", StringComparison.Ordinal));
        Assert.Contains(fuzzed, key => key.Contains("/admin/users?handler=Add", StringComparison.Ordinal));
        Assert.True(failures.Count == 0, $"{failures.Count} bad posts:\n{string.Join('\n', failures.Take(60))}");
    }

    /// <summary>Posts every field of one form with every hostile value, the others as the page (or <see cref="Plausible"/>) fills them.</summary>
    private async Task FuzzAsync(HttpClient browser, DbConnection database, string url, IHtmlFormElement form, IElement? submitter,
        string key, List<string> failures)
    {
        // Each field once, with the post it is placed for: a field inside the form goes with the form's own action, a field
        // placed beside a button of its own (the form attribute) goes with that button. Of a repeated group, the first.
        var fields = form.Elements.Where(e => e.HasAttribute("form") == (submitter is not null))
            .Select(e => e.GetAttribute("name")).OfType<string>().Intersect(Forms.FieldNames(form))
            .Where(name => name != "__RequestVerificationToken")
            .DistinctBy(name => Digits().Replace(name, "#"))
            .ToList();
        foreach (var field in fields)
        {
            foreach (var value in Hostile)
            {
                var values = Baseline(form);
                values[field] = value;
                var before = await SnapshotAsync(database);
                var response = await browser.SubmitAsync(form, submitter, values);
                var shown = value.Length > 40 ? $"{value.Length:N0} characters" : string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : $"{c}"));
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{(int)response.StatusCode} from {key} with {field}={shown}");
                }
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    // A save: the version moved on, so take the form afresh before the next value.
                    var again = await Html.ParseAsync(await browser.GetAsync(url));
                    if (Submissions(again).FirstOrDefault(s => s.Key == key) is not { Form: not null } fresh)
                    {
                        return;
                    }
                    (form, submitter) = (fresh.Form, fresh.Submitter);
                }
                else if ((int)response.StatusCode >= 400 && await SnapshotAsync(database) != before)
                {
                    failures.Add($"{(int)response.StatusCode} from {key} with {field}={shown}, but the database changed");
                }
            }
        }
    }

    private static Dictionary<string, string> Baseline(IHtmlFormElement form)
    {
        var values = Forms.Sent(form);
        foreach (var select in form.Elements.OfType<IHtmlSelectElement>().Where(s => s.Name is { Length: > 0 } && string.IsNullOrEmpty(s.Value)))
        {
            values[select.Name!] = select.Options.Select(o => o.Value).FirstOrDefault(v => v.Length > 0) ?? "";
        }
        foreach (var (name, value) in Plausible)
        {
            if (values.TryGetValue(name, out var current) && current.Length == 0)
            {
                values[name] = value;
            }
        }
        return values;
    }

    /// <summary>Each post a page offers: a form with its own action, and each submit button with a formaction of its own.</summary>
    private static IEnumerable<(IHtmlFormElement Form, IElement? Submitter, string Key)> Submissions(IHtmlDocument page)
    {
        foreach (var form in page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)))
        {
            var submitters = form.Elements.Where(e => e.HasAttribute("formaction")).Prepend<IElement?>(null);
            foreach (var submitter in submitters)
            {
                var action = Forms.Action(form, submitter);
                if (action.StartsWith("/curate", StringComparison.Ordinal) || action.StartsWith("/admin", StringComparison.Ordinal))
                {
                    // One of each kind: the citation forms of one record, or the role buttons of each user, are the same form.
                    yield return (form, submitter, $"POST {Digits().Replace(action, "#")} [{string.Join(',', Forms.FieldNames(form).Order())}]");
                }
            }
        }
    }

    /// <summary>Row counts of every table, and SQLite's count of commits by other connections (on PostgreSQL, a hash of
    /// every table's rows): any write changes one.</summary>
    private static async Task<string> SnapshotAsync(DbConnection database)
    {
        await using var tables = database.CreateCommand();
        tables.CommandText = TestDatabase.IsPostgreSql
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'search_index_%' ORDER BY 1"
            : "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'search_index_%' ORDER BY name";
        var names = new List<string>();
        await using (var reader = await tables.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }
        await using var count = database.CreateCommand();
        // Table names come from the schema itself, not from input.
        count.CommandText = TestDatabase.IsPostgreSql
            ? string.Concat(names.Select(n => $"SELECT '{n}', count(*), md5(COALESCE(string_agg(t::text, ',' ORDER BY t::text), '')) FROM \"{n}\" t;"))
            : "PRAGMA data_version; " + string.Concat(names.Select(n => $"SELECT '{n}', count(*) FROM \"{n}\";"));
        var parts = new List<string>();
        await using (var reader = await count.ExecuteReaderAsync())
        {
            do
            {
                while (await reader.ReadAsync())
                {
                    parts.Add(string.Join('=', Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)));
                }
            }
            while (await reader.NextResultAsync());
        }
        return string.Join(' ', parts);
    }

    private static List<string> Routes(RegistryFactory factory) => factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Select(endpoint => "/" + endpoint.RoutePattern.RawText!.TrimStart('/'))
        .Distinct()
        .Order()
        .ToList();

    /// <summary>
    /// The addresses to open for a route: a new record's form and an existing record's. Records are found
    /// by slug or reference; a photo is uploaded first. A page of a kind not listed here fails the test.
    /// </summary>
    private static async Task<Func<string, IEnumerable<string>>> SampleRoutesAsync(RegistryFactory factory)
    {
        using (var curator = await CuratorSession.SignInAsync(factory))
        {
            var (upload, _) = await curator.UploadAsync([("fuzz.jpg", TestImages.Jpeg())], publish: false);
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
            var (imported, _) = await curator.ImportAsync(ImportUploads.Csv(ImportUploads.ReportHeader,
                "temple-of-bel,damage,Fuzz import,2016,destroyed,verified-field,S01"), "fuzz.csv");
            Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        }
        await using var database = await factory.OpenDatabaseAsync();
        async Task<long> IdAsync(string sql)
        {
            await using var command = database.CreateCommand();
            command.CommandText = sql;
            return (long)(await command.ExecuteScalarAsync())!;
        }
        var ids = new Dictionary<string, (string Type, long Id)>
        {
            ["sites"] = ("site", await IdAsync("SELECT id FROM site WHERE slug = 'temple-of-bel'")),
            ["reports"] = ("report", await IdAsync("SELECT id FROM damage_report WHERE reference = 'PAL-2015-0010'")),
            ["sources"] = ("source", await IdAsync("SELECT id FROM source WHERE reference = 'S01'")),
            ["photos"] = ("photo", await IdAsync("SELECT id FROM photo")),
            ["disagreements"] = ("disagreement", await IdAsync("SELECT min(id) FROM disagreement")),
            ["import"] = ("import", await IdAsync("SELECT min(id) FROM spreadsheet_import")),
        };
        ids["history"] = ids["reports"];
        return route =>
        {
            if (!route.Contains('{', StringComparison.Ordinal))
            {
                return [route];
            }
            var segment = route.Split('/')[2];
            Assert.True(ids.TryGetValue(segment, out var sample), $"no sample record for {route}: add one to the fuzz test");
            var filled = RouteParameter().Replace(route, match => match.Groups[1].Value == "type" ? sample.Type : sample.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return route.Contains("{id:long?}", StringComparison.Ordinal) ? [RouteParameter().Replace(route, "").TrimEnd('/'), filled] : [filled];
        };
    }

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
