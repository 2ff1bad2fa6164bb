using System.Globalization;
using HeritageRegistry.Data;
using HeritageRegistry.Display;

namespace HeritageRegistry.Citations;

/// <summary>
/// "Cite this page": a registry page as a citable web document, with its permanent address, the
/// version of the record it shows and the day it was read, so a citation says exactly what was seen.
/// The title is in the page's language where the record has it (<see cref="RecordText"/>), and
/// <see cref="Language"/> says which it is.
/// </summary>
public sealed record PageCitation(string Id, string Title, string Language, Uri Url, long Version, string UpdatedAt, DateOnly AccessedOn)
{
    public const string Publisher = "Heritage Registry";

    public static PageCitation ForSite(HttpContext context, SiteDetail site) =>
        For(context, $"site-{site.Slug}", RecordText.Of(site.NameEn, site.NameAr), site.Version, site.UpdatedAt);

    public static PageCitation ForReport(HttpContext context, ReportDetail report)
    {
        var title = RecordText.Of(report.Title, report.TitleAr);
        return For(context, report.Reference, title with { Text = $"{title.Text} ({report.Reference})" }, report.Version, report.UpdatedAt);
    }

    /// <summary>The citation of the page being viewed, or of the page a cite link belongs to (its path without "/cite.*"),
    /// under the page's base path (an Arabic page's /ar).</summary>
    private static PageCitation For(HttpContext context, string id, RecordText title, long version, string updatedAt)
    {
        var path = context.Request.Path.Value!;
        var cite = path.LastIndexOf("/cite.", StringComparison.Ordinal);
        var url = new Uri($"{Hosting.PublicAddress.Origin(context)}{context.Request.PathBase}{(cite >= 0 ? path[..cite] : path)}");
        return new PageCitation(id, title.Text ?? "", title.Lang, url, version, updatedAt, DateOnly.FromDateTime(DateTime.UtcNow));
    }

    /// <summary>The page in the shape the bibliography writers take, so all three formats come from one place.</summary>
    public SourceDetail AsSource() => new()
    {
        Reference = Id,
        Kind = "webpage",
        Title = Title,
        Publisher = Publisher,
        PublishedDate = UpdatedAt[..10],
        Url = Url.ToString(),
        AccessedDate = AccessedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Language = Language,
        Notes = $"Record version {Version}",
    };

    /// <summary>The citation as a sentence, for copying into a text.</summary>
    public string Formatted() => string.Create(CultureInfo.InvariantCulture,
        $"{Publisher}. “{Title}.” Record version {Version}, last changed {DateOnly.FromDateTime(DateTime.Parse(UpdatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)):d MMMM yyyy}. {Url} (accessed {AccessedOn:d MMMM yyyy}).");
}
