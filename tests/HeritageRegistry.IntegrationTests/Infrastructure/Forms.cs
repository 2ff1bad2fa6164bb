using AngleSharp.Html.Dom;

namespace HeritageRegistry.IntegrationTests.Infrastructure;

/// <summary>Submits a page's real form, antiforgery token and all, as a browser would.</summary>
public static class Forms
{
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, string formSelector,
        IReadOnlyDictionary<string, string> values)
    {
        var form = (IHtmlFormElement)(page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}"));
        // What a browser would send: inputs (checked boxes only), selected options and text areas.
        var fields = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" } box when box.IsChecked:
                case IHtmlInputElement { Type: not "checkbox" and not "submit" } when !string.IsNullOrEmpty(element.GetAttribute("name")):
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
        foreach (var (name, value) in values)
        {
            Assert.True(fields.ContainsKey(name), $"the form has a field named {name}");
            fields[name] = value;
        }
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? new Uri(page.Url).PathAndQuery : form.GetAttribute("action")!;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }
}
