using AngleSharp.Html.Dom;

namespace HeritageRegistry.IntegrationTests.Infrastructure;

/// <summary>Submits a page's real form, antiforgery token and all, as a browser would.</summary>
public static class Forms
{
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, string formSelector,
        IReadOnlyDictionary<string, string> values)
    {
        var form = (IHtmlFormElement)(page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}"));
        var fields = form.Elements.OfType<IHtmlInputElement>().Select(input => (input.Name, input.Value))
            .Concat(form.Elements.OfType<IHtmlSelectElement>().Select(select => (select.Name, Value: select.Value ?? "")))
            .Where(field => !string.IsNullOrEmpty(field.Name))
            .ToDictionary(field => field.Name!, field => field.Value);
        foreach (var (name, value) in values)
        {
            Assert.True(fields.ContainsKey(name), $"the form has a field named {name}");
            fields[name] = value;
        }
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? new Uri(page.Url).PathAndQuery : form.GetAttribute("action")!;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }
}
