using Markdig;
using Microsoft.AspNetCore.Html;

namespace HeritageRegistry.Display;

/// <summary>Descriptions are Markdown written by curators; raw HTML in them is shown as text, never run.</summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static IHtmlContent Render(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? HtmlString.Empty : new HtmlString(Markdig.Markdown.ToHtml(markdown, Pipeline));
}
