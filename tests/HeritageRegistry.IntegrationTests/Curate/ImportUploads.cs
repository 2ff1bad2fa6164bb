using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using HeritageRegistry.IntegrationTests.Infrastructure;
using MiniExcelLibs;

namespace HeritageRegistry.IntegrationTests.Curate;

/// <summary>Uploads spreadsheets through the real import form (antiforgery token included) and reads the dry run.</summary>
public static class ImportUploads
{
    public const string Page = "/curate/import";
    public const string ImportForm = "form.import-form";
    public const string UndoForm = "form[action*='handler=Undo']";

    public const string ReportHeader = "place,kind,title,event_date,severity,verification,sources";

    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> DryRunAsync(this CuratorSession curator, byte[] bytes, string fileName,
        string kind = "auto")
    {
        var form = await curator.Client.GetPageAsync(Page);
        var token = ((IHtmlInputElement)form.QuerySelector("form.upload-form input[name=__RequestVerificationToken]")!).Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(kind), "kind" },
        };
        var file = new ByteArrayContent(bytes);
        // A lying Content-Type: the server must judge by content alone.
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", fileName);
        var response = await curator.Client.PostAsync($"{Page}?handler=DryRun", content);
        return (response, await Html.ParseAsync(response));
    }

    /// <summary>Dry-runs the file, then presses Import; returns the import's page.</summary>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> ImportAsync(this CuratorSession curator, byte[] bytes, string fileName)
    {
        var (dryRun, page) = await curator.DryRunAsync(bytes, fileName);
        Assert.True(dryRun.IsSuccessStatusCode, string.Join("\n", page.Problems()));
        return await curator.SubmitAsync(page, ImportForm, []);
    }

    public static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    public static byte[] Xlsx(IEnumerable<Dictionary<string, object>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>Each problem of the dry run as "row|column|message".</summary>
    public static IReadOnlyList<string> Problems(this IHtmlDocument page) =>
        [.. page.QuerySelectorAll("table.import-problems tbody tr").Select(row => string.Join("|", row.QuerySelectorAll("td").Select(td => td.TextContent.Trim())))];

    public static long ImportId(this IHtmlDocument page) =>
        long.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
}
