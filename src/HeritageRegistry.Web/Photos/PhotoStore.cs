using Dapper;
using HeritageRegistry.Data;
using HeritageRegistry.Display;

namespace HeritageRegistry.Photos;

public sealed record PhotoView
{
    public long Id { get; init; }
    public string Sha256 { get; init; } = "";
    public string? Caption { get; init; }
    public string? CaptionAr { get; init; }
    public string? Credit { get; init; }
    public string? Licence { get; init; }
    public string? TakenDate { get; init; }
    public string? Phase { get; init; }
    public long Width { get; init; }
    public long Height { get; init; }
    public string Publication { get; init; } = "";
    public long SiteId { get; init; }
    public long? ReportId { get; init; }
    public string SiteSlug { get; init; } = "";
    public string SiteName { get; init; } = "";
    public string? ReportReference { get; init; }
    public string? ReportTitle { get; init; }
    public string? ReportTitleAr { get; init; }

    public string ThumbnailUrl => $"/photos/files/{Sha256}/thumb.jpg";
    public string DisplayUrl => $"/photos/files/{Sha256}/display.jpg";

    /// <summary>Alt text: the caption in the page's language (<see cref="RecordText"/>), or failing that what and where, never an empty string.</summary>
    public string Alt => RecordText.Of(Caption, CaptionAr).Text ?? $"Photo of {SiteName}{(Phase is null ? "" : $", {Phase} the damage")}";
}

/// <summary>Reads of photos for public pages and for serving their files.</summary>
public sealed class PhotoStore(Database database)
{
    private static readonly string Select = """
        SELECT p.id, p.site_id, p.report_id, p.sha256, p.caption, p.caption_ar, p.credit, p.licence, p.taken_date, p.phase, p.width, p.height, p.publication,
               s.slug AS site_slug, s.name_en AS site_name, r.reference AS report_reference, r.title AS report_title, r.title_ar AS report_title_ar
        FROM photo p
        JOIN site s ON s.id = p.site_id
        LEFT JOIN damage_report r ON r.id = p.report_id
        """;

    /// <summary>One photo; a draft, or a photo of a draft place or report, is found only when <paramref name="includeDrafts"/> (a curator is looking).</summary>
    public async Task<PhotoView?> GetAsync(long id, bool includeDrafts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PhotoView>(new CommandDefinition(
            $"{Select} WHERE p.id = @id AND {PublicSql.Photo("p", orDrafts: true)}", new { id, includeDrafts }, cancellationToken: cancellationToken));
    }

    /// <summary>The sources a photo's own claims rest on (who took it, when, what it shows).</summary>
    public async Task<IReadOnlyList<CitationView>> CitationsAsync(long photoId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<CitationView>(new CommandDefinition(
            $"{CitationView.Select} WHERE ci.photo_id = @photoId ORDER BY ci.position, ci.id", new { photoId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Published photos of a place (with its reports'), or of one report; before, during, after, then by date.
    /// The public sees them only while the place (and report) is public too; a curator previewing a draft place
    /// or report (<paramref name="includeDrafts"/>) sees the published photos it will show.</summary>
    public async Task<IReadOnlyList<PhotoView>> GalleryAsync(string? siteSlug, string? reportReference, bool includeDrafts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<PhotoView>(new CommandDefinition(siteSlug is null ? ReportGallerySql : SiteGallerySql,
            new { siteSlug, reportReference, includeDrafts }, cancellationToken: cancellationToken))).AsList();
    }

    // One text per key rather than "slug = @a OR reference = @b", which no index can answer. A place's or report's
    // page reads its gallery with these in its own round trip (SiteStore, ReportStore).
    internal static readonly string SiteGallerySql = GallerySql("s.slug = @siteSlug");

    internal static readonly string ReportGallerySql = GallerySql("r.reference = @reportReference");

    private static string GallerySql(string key) => $"""
        {Select}
        WHERE {key} AND {PublicSql.Visible("p")} AND {PublicSql.Photo("p", orDrafts: true)}
        ORDER BY CASE p.phase WHEN 'before' THEN 0 WHEN 'during' THEN 1 WHEN 'after' THEN 2 ELSE 3 END, p.taken_date NULLS FIRST, p.id
        """;

    /// <summary>Whether the public may fetch a file of this photo (the photo is public), or a curator may.</summary>
    public async Task<bool> IsVisibleAsync(string sha256, bool includeDrafts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM photo p WHERE p.sha256 = @sha256 AND {PublicSql.Photo("p", orDrafts: true)}",
            new { sha256, includeDrafts }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<(string Sha256, string Format)?> OriginalAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<(string, string)?>(new CommandDefinition(
            "SELECT sha256, format FROM photo WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }
}
