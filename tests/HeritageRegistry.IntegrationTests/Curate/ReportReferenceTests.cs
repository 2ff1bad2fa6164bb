using System.Net;
using Dapper;
using HeritageRegistry.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Curate;

/// <summary>A new report's reference counts on from the year's highest number, under the configured prefix.</summary>
public sealed class ReportReferenceTests
{
    [Fact]
    public async Task After_number_9999_a_year_goes_on_to_10000_and_10001()
    {
        using var factory = new RegistryFactory();
        await ExecuteAsync(factory, "UPDATE damage_report SET reference = 'PAL-2015-9999' WHERE reference = 'PAL-2015-0010'");
        using var curator = await CuratorSession.SignInAsync(factory);

        var first = await NewReportAsync(factory, curator, "2015-09-01");
        var second = await NewReportAsync(factory, curator, "2015-09-02");

        Assert.Equal("PAL-2015-10000", first);
        Assert.Equal("PAL-2015-10001", second);
    }

    [Fact]
    public async Task The_prefix_comes_from_configuration()
    {
        using var factory = new RegistryFactory { ReferencePrefix = "HRA" };
        using var curator = await CuratorSession.SignInAsync(factory);

        var created = await NewReportAsync(factory, curator, "2015-09-01");

        Assert.Matches(@"^HRA-2015-\d{4}$", created);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/reports/HRA-2015-0010")).StatusCode);
    }

    /// <summary>Creates a draft report through the form; returns the reference it was given.</summary>
    private static async Task<string> NewReportAsync(RegistryFactory factory, CuratorSession curator, string date)
    {
        var (created, page) = await curator.SubmitAsync("/curate/reports/edit", "form.record-form", new()
        {
            ["Input.SiteId"] = "temple-of-bel", ["Input.Kind"] = "damage", ["Input.Title"] = $"Report of {date}",
            ["Input.EventDate"] = date, ["Input.Severity"] = "moderately-damaged", ["Input.Certainty"] = "medium",
            ["Input.Verification"] = "reported", ["Input.Cause"] = "gunfire-light-weaponry",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, page.Text());
        return page.QuerySelector("h1")!.TextContent.Trim().Split(' ').Last();
    }

    private static async Task ExecuteAsync(RegistryFactory factory, string sql)
    {
        await using var connection = await factory.Services.GetRequiredService<Data.Database>().OpenAsync();
        await connection.ExecuteAsync(sql);
    }
}
