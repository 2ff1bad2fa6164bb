using HeritageRegistry.Vocabulary;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace HeritageRegistry.Display;

/// <summary>
/// <c>&lt;severity code="destroyed" /&gt;</c>: the one severity badge used everywhere. Colour
/// comes from the sev-* class in site.css and is always paired with the word.
/// </summary>
[HtmlTargetElement("severity", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SeverityTagHelper : TagHelper
{
    public string? Code { get; set; }

    /// <summary>The report kind, when known: a context event has no severity by nature, so it says so.</summary>
    public string? Kind { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var term = Vocab.Severities.Find(Code);
        var (css, label) = term is not null ? (term.Code, term.English)
            : Kind == "event" ? ("event", "Context event")
            : ("none", "Not assessed");
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", $"badge sev-{css}");
        output.Content.SetContent(label);
    }
}
