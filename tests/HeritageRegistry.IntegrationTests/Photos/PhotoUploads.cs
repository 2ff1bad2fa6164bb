using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Dapper;
using HeritageRegistry.Data;
using HeritageRegistry.IntegrationTests.Curate;
using HeritageRegistry.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Photos;

/// <summary>Posts files through the real upload form (antiforgery token included), as a browser would; the place and
/// report are typed as a curator types them in the pickers (a slug, a reference, or "REF — title").</summary>
public static class PhotoUploads
{
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> UploadAsync(this CuratorSession curator,
        IEnumerable<(string Name, byte[] Bytes)> files, string place = "temple-of-bel", bool publish = true, string phase = "after", string report = "")
    {
        var form = await curator.Client.GetPageAsync("/curate/photos/upload");
        var token = ((IHtmlInputElement)form.QuerySelector("form.upload-form input[name=__RequestVerificationToken]")!).Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(place), "Input.SiteId" },
            { new StringContent(report), "Input.ReportId" },
            { new StringContent(phase), "Input.Phase" },
            { new StringContent("cc-by"), "Input.Licence" },
            { new StringContent("Test photographer"), "Input.Credit" },
            { new StringContent("Test caption"), "Input.Caption" },
            { new StringContent(publish ? "true" : "false"), "Input.Publish" },
        };
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            // A lying Content-Type: the server must judge by content alone.
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(file, "files", name);
        }
        var response = await curator.Client.PostAsync("/curate/photos/upload", content);
        return (response, await Html.ParseAsync(response));
    }

    public static async Task<long> ScalarAsync(this RegistryFactory factory, string sql, object? parameters = null)
    {
        await using var connection = await factory.Services.GetRequiredService<Database>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    public static async Task<string> TextAsync(this RegistryFactory factory, string sql, object? parameters = null)
    {
        await using var connection = await factory.Services.GetRequiredService<Database>().OpenAsync();
        return Convert.ToString(await connection.ExecuteScalarAsync(sql, parameters), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    public static IReadOnlyList<(string File, string Result, string Details)> Results(this IHtmlDocument page) =>
        page.QuerySelectorAll(".upload-results tbody tr")
            .Select(row => (row.QuerySelector("th")!.TextContent.Trim(), row.QuerySelectorAll("td")[0].TextContent.Trim(), row.QuerySelectorAll("td")[1].TextContent.Trim()))
            .ToList();
}
