using Microsoft.AspNetCore.Razor.TagHelpers;

namespace HeritageRegistry.Display;

/// <summary>
/// <c>&lt;record-text en="@report.Title" ar="@report.TitleAr" /&gt;</c>: a record's text in the page's language
/// (<see cref="RecordText"/>), with <c>markdown</c> rendered as safely as every description (<see cref="Markdown"/>).
/// On an Arabic page it is wrapped in an element carrying its language and direction (the Arabic <c>lang="ar"
/// dir="rtl"</c>, an English fallback <c>lang="en" dir="ltr"</c>); on an English page it is the text alone,
/// as before there was any Arabic. Nothing is written when there is no text.
/// </summary>
[HtmlTargetElement("record-text", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RecordTextTagHelper : TagHelper
{
    public string? En { get; set; }

    public string? Ar { get; set; }

    /// <summary>Whether the text is Markdown (a description), rendered as blocks in a div rather than a span.</summary>
    public bool Markdown { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var text = RecordText.Of(En, Ar);
        if (text.IsEmpty)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = RecordText.IsArabicPage ? (Markdown ? "div" : "span") : null;
        output.TagMode = TagMode.StartTagAndEndTag;
        if (output.TagName is not null)
        {
            output.Attributes.SetAttribute("lang", text.Lang);
            output.Attributes.SetAttribute("dir", text.Dir);
        }
        if (Markdown)
        {
            output.Content.SetHtmlContent(Display.Markdown.Render(text.Text));
        }
        else
        {
            output.Content.SetContent(text.Text);
        }
    }
}
