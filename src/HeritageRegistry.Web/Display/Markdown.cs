using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace HeritageRegistry.Display;

/// <summary>
/// Descriptions are Markdown written by curators and shown to everyone, so the output is made
/// safe here: raw HTML is shown as text, and a link or image may only point at http(s), mailto
/// or this site (a javascript: link would otherwise run in a reader's browser). The allow-list is
/// applied to every node that carries an address, whatever the syntax that made it (inline,
/// reference or autolink, link or image), and again to every address the renderer writes.
/// </summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    // What a browser trims from both ends of an address: the C0 control characters and the space.
    private static readonly char[] ControlOrSpace = [.. Enumerable.Range(0, 0x21).Select(c => (char)c)];

    public static IHtmlContent Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var node in document.Descendants().ToList())
        {
            switch (node)
            {
                case AutolinkInline autolink when !IsSafe(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url):
                    // Its text is its address, so it stays as text rather than becoming a link to "#".
                    autolink.ReplaceBy(new LiteralInline(autolink.Url));
                    break;
                case LinkInline link when !IsSafe(link.GetDynamicUrl?.Invoke() ?? link.Url):
                    link.Url = "#";
                    link.GetDynamicUrl = null;
                    break;
                case LinkReferenceDefinition definition when !IsSafe(definition.Url):
                    definition.Url = "#";
                    break;
            }
        }
        using var writer = new StringWriter();
        // The last word: no address reaches the page unchecked, even from a node kind not listed above.
        var renderer = new HtmlRenderer(writer) { LinkRewriter = url => IsSafe(url) ? url : "#" };
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return new HtmlString(writer.ToString());
    }

    /// <summary>The words of the Markdown without its markup, e.g. for a search snippet.</summary>
    public static string PlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdig.Markdown.ToPlainText(markdown, Pipeline).Trim();

    /// <summary>
    /// Whether an address is http(s), mailto or on this site, read as a browser reads it (the WHATWG URL
    /// standard): spaces and control characters trimmed from the ends, tabs and newlines dropped anywhere
    /// (java&#9;script: is javascript:), a backslash taken as a slash (/\evil.example is another site).
    /// Anything with a scheme not on the list is refused, so an unusual spelling fails closed.
    /// </summary>
    internal static bool IsSafe(string? url)
    {
        var seen = new string([.. (url ?? "").Trim(ControlOrSpace).Where(c => c is not ('\t' or '\n' or '\r'))]).Replace('\\', '/');
        if (seen.StartsWith("//", StringComparison.Ordinal))
        {
            return false;
        }
        var end = seen.IndexOfAny([':', '/', '?', '#']);
        return end < 0 || seen[end] != ':' || SafeSchemes.Contains(seen[..end], StringComparer.OrdinalIgnoreCase);
    }
}
