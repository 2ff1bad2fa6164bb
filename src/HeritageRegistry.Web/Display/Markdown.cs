using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace HeritageRegistry.Display;

/// <summary>
/// Descriptions are Markdown written by curators and shown to everyone, so the output is made
/// safe here: raw HTML is shown as text, and a link or image may only point at http(s), mailto
/// or a path on this site (a javascript: link would otherwise run in a reader's browser).
/// </summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static IHtmlContent Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(link => !IsSafe(link.Url)))
        {
            link.Url = "#";
        }
        return new HtmlString(document.ToHtml(Pipeline));
    }

    /// <summary>The words of the Markdown without its markup, e.g. for a search snippet.</summary>
    public static string PlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdig.Markdown.ToPlainText(markdown, Pipeline).Trim();

    internal static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.StartsWith('#') || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)))
        {
            return true;
        }
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";
    }
}
