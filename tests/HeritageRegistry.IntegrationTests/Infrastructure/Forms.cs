using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace HeritageRegistry.IntegrationTests.Infrastructure;

/// <summary>Submits a page's real form, antiforgery token and all, as a browser would.</summary>
public static class Forms
{
    /// <summary>
    /// Submits the form the selector names, or the form of the submit button it names (with the
    /// button's formaction, as a browser does). Values may set any field, unticked boxes included.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, string selector,
        IReadOnlyDictionary<string, string> values)
    {
        var element = page.QuerySelector(selector) ?? throw new InvalidOperationException($"No form or button '{selector}' on {page.Url}");
        return element is IHtmlFormElement form
            ? await client.SubmitAsync(form, null, values)
            : await client.SubmitAsync(((IHtmlButtonElement)element).Form ?? throw new InvalidOperationException($"'{selector}' is in no form"), element, values);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, IElement? submitter,
        IReadOnlyDictionary<string, string> values)
    {
        var fields = Sent(form);
        var names = FieldNames(form).ToHashSet();
        foreach (var (name, value) in values)
        {
            Assert.True(names.Contains(name), $"the form has a field named {name}");
            fields[name] = value;
        }
        return await client.PostAsync(Action(form, submitter), new FormUrlEncodedContent(fields));
    }

    /// <summary>Where the form posts: the submitter's formaction, else the form's action, else the page itself.</summary>
    public static string Action(IHtmlFormElement form, IElement? submitter) =>
        submitter?.GetAttribute("formaction") is { Length: > 0 } formAction ? formAction
        : form.GetAttribute("action") is { Length: > 0 } action ? action
        : new Uri(form.Owner!.Url).PathAndQuery;

    /// <summary>What a browser would send: inputs (ticked boxes only), selected options and text areas; files are left out.</summary>
    public static Dictionary<string, string> Sent(IHtmlFormElement form)
    {
        var fields = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" } box when box.IsChecked:
                case IHtmlInputElement { Type: not ("checkbox" or "submit" or "file") } when !string.IsNullOrEmpty(element.GetAttribute("name")):
                    fields.TryAdd(element.GetAttribute("name")!, ((IHtmlInputElement)element).Value);
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields[select.Name!] = select.Value ?? "";
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields[area.Name!] = area.Value;
                    break;
            }
        }
        return fields;
    }

    /// <summary>Every field a person could fill in or tick (hidden ones too), by name; not buttons or files.</summary>
    public static IEnumerable<string> FieldNames(IHtmlFormElement form) => form.Elements
        .Where(e => e is IHtmlInputElement { Type: not ("submit" or "file" or "button") } or IHtmlSelectElement or IHtmlTextAreaElement)
        .Select(e => e.GetAttribute("name"))
        .OfType<string>()
        .Where(name => name.Length > 0)
        .Distinct();
}
