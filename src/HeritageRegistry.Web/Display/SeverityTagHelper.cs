using HeritageRegistry.Data;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace HeritageRegistry.Display;

/// <summary>
/// <c>&lt;severity code="destroyed" /&gt;</c>: the one severity badge used everywhere. Colour
/// comes from the sev-* class in site.css and is always paired with the word (<see cref="ConditionText"/>).
/// </summary>
[HtmlTargetElement("severity", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SeverityTagHelper : TagHelper
{
    /// <summary>A severity code, or a state of a place's parts (<see cref="PlaceCondition.Restored"/>, <see cref="PlaceCondition.NotAssessed"/>).</summary>
    public string? Code { get; set; }

    /// <summary>The report kind, when known: a context event has no severity by nature, and a restoration
    /// that states no condition after it says only that the place was restored.</summary>
    public string? Kind { get; set; }

    /// <summary>When set, the badge counts places: "3 destroyed".</summary>
    public int? Count { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var (css, label) = ConditionText.Badge(Code, Kind);
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", $"badge sev-{css}");
        output.Content.SetContent(Count is { } count ? ConditionText.Counted(Code ?? PlaceCondition.NotAssessed, count) : label);
    }
}
