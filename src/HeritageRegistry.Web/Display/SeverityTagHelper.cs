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

    /// <summary>What to say when there is no severity (e.g. a context event).</summary>
    public string Empty { get; set; } = "Not assessed";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var term = Vocab.Severities.Find(Code);
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", $"badge sev-{term?.Code ?? "none"}");
        output.Content.SetContent(term?.English ?? Empty);
    }
}
