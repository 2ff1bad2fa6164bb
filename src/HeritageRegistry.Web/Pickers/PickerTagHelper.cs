using HeritageRegistry.Localization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace HeritageRegistry.Pickers;

/// <summary>
/// <c>&lt;picker for="Input.ReportId" kind="Report" label='T["Report"]' /&gt;</c>: the one field for choosing
/// a report, place or source. Plain HTML first: a text field (with a list of every record while there are few) whose
/// text the server resolves (<see cref="PickBinder"/>); wwwroot/js/picker.js turns it into a combobox that asks
/// <see cref="PickerEndpoints"/> as the curator types.
/// </summary>
[HtmlTargetElement("picker", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PickerTagHelper(PickerStore store, IStringLocalizer<SharedResource> words, IFileVersionProvider versions) : TagHelper
{
    private const string Script = "/js/picker.js";

    /// <summary>Up to this many records, the page lists them all for browsers without the script; beyond, the curator types.</summary>
    public const int ListedInPage = 200;

    public required ModelExpression For { get; set; }

    public PickerKind Kind { get; set; }

    public required IHtmlContent Label { get; set; }

    /// <summary>The form the field belongs to, when it stands outside it.</summary>
    public string? Form { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var picker = Picker.Of(Kind);
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var cancellationToken = ViewContext.HttpContext.RequestAborted;
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        // What the curator typed stays as typed; a stored choice reads as "REF — title".
        var value = state?.AttemptedValue ?? (For.Model is long chosen ? await store.TextAsync(picker, chosen, cancellationToken) : null);
        var errors = state?.Errors.Select(error => error.ErrorMessage).ToList() ?? [];

        var label = new TagBuilder("label");
        label.Attributes["for"] = id;
        label.Attributes["id"] = $"{id}-label";
        label.InnerHtml.AppendHtml(Label);

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        var attributes = new Dictionary<string, string?>
        {
            ["id"] = id, ["name"] = name, ["type"] = "text", ["value"] = value, ["autocomplete"] = "off", ["spellcheck"] = "false",
            ["aria-describedby"] = errors.Count > 0 ? $"{id}-hint {id}-error" : $"{id}-hint",
            ["aria-invalid"] = errors.Count > 0 ? "true" : null,
            ["form"] = Form,
            ["data-picker"] = ViewContext.HttpContext.Request.PathBase + $"/curate/pickers/{picker.Name}",
            ["data-picker-draft"] = words["Draft"],
        };
        // An attribute left out is not one set empty: form="" would take the field out of its form.
        input.MergeAttributes(attributes.Where(attribute => attribute.Value is not null).ToDictionary());

        var options = await store.SearchAsync(picker, null, ListedInPage + 1, cancellationToken);
        var list = new HtmlContentBuilder();
        if (options.Count <= ListedInPage)
        {
            input.Attributes["list"] = $"{id}-list";
            var datalist = new TagBuilder("datalist");
            datalist.Attributes["id"] = $"{id}-list";
            foreach (var option in options)
            {
                var item = new TagBuilder("option");
                item.Attributes["value"] = option.Text;
                datalist.InnerHtml.AppendHtml(item);
            }
            list.AppendHtml(datalist);
        }

        var hint = new TagBuilder("span");
        hint.Attributes["id"] = $"{id}-hint";
        hint.AddCssClass("hint");
        hint.InnerHtml.Append(words[picker.Hint]);

        var error = new TagBuilder("span");
        error.Attributes["id"] = $"{id}-error";
        error.Attributes["data-valmsg-for"] = name;
        error.AddCssClass("field-error");
        error.InnerHtml.Append(string.Join(" ", errors));

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field picker");
        output.Content.AppendHtml(label).AppendHtml(input).AppendHtml(list).AppendHtml(hint).AppendHtml(error);
        // The script comes with the first picker of a page, so no page has to remember it.
        if (ViewContext.HttpContext.Items.TryAdd(Script, true))
        {
            var pathBase = ViewContext.HttpContext.Request.PathBase;
            var script = new TagBuilder("script");
            script.Attributes["src"] = versions.AddFileVersionToPath(pathBase, pathBase + Script);
            script.Attributes["defer"] = "defer";
            output.PostElement.AppendHtml(script);
        }
    }
}
