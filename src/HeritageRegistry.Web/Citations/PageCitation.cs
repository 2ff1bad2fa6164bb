using System.Globalization;
using HeritageRegistry.Data;
using Microsoft.Extensions.Options;

namespace HeritageRegistry.Citations;

/// <summary>
/// "Cite this page": a registry page as a citable web document, with its permanent address, the
/// version of the record it shows and the day it was read, so a citation says exactly what was seen.
/// </summary>
public sealed record PageCitation(string Id, string Title, Uri Url, long Version, string UpdatedAt, DateOnly AccessedOn)
{
    public const string Publisher = "Heritage Registry";

    /// <summary>The citation of the page being viewed, or of the page a cite link belongs to (its path without "/cite.*").</summary>
    public static PageCitation For(HttpContext context, string id, string title, long version, string updatedAt)
    {
        var path = context.Request.Path.Value!;
        var cite = path.LastIndexOf("/cite.", StringComparison.Ordinal);
        var url = new Uri($"{Origin(context)}{(cite >= 0 ? path[..cite] : path)}");
        return new PageCitation(id, title, url, version, updatedAt, DateOnly.FromDateTime(DateTime.UtcNow));
    }

    /// <summary>Scheme and host of the registry's permanent addresses: the configured public address, else this request's.</summary>
    public static string Origin(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<RegistryOptions>>().Value.PublicBaseUrl?.GetLeftPart(UriPartial.Authority)
            ?? $"{context.Request.Scheme}://{context.Request.Host}";

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
        Language = "en",
        Notes = $"Record version {Version}",
    };

    /// <summary>The citation as a sentence, for copying into a text.</summary>
    public string Formatted() => string.Create(CultureInfo.InvariantCulture,
        $"{Publisher}. “{Title}.” Record version {Version}, last changed {DateOnly.FromDateTime(DateTime.Parse(UpdatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)):d MMMM yyyy}. {Url} (accessed {AccessedOn:d MMMM yyyy}).");
}
