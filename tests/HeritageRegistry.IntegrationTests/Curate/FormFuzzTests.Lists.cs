using System.Net;
using HeritageRegistry.Accounts;
using HeritageRegistry.IntegrationTests.Accounts;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Curate;

/// <summary>The curators' lists' GET forms, fuzzed the same way: every parameter of every list with every hostile value.</summary>
public sealed partial class FormFuzzTests
{
    [Fact]
    public async Task No_curators_list_answers_a_server_error_to_a_hostile_query_value()
    {
        using var factory = new RegistryFactory();
        using var browser = (await factory.SignedInAsync(Roles.Curator)).Browser;
        var failures = new List<string>();
        foreach (var list in new[] { "/curate/reports", "/curate/sites", "/curate/sources", "/curate/photos", "/ar/curate/reports" })
        {
            var form = (await browser.GetPageAsync(list)).QuerySelector("form.record-filters")!;
            var names = form.QuerySelectorAll("[name]").Select(e => e.GetAttribute("name")!).Concat(["page", "size"]).Distinct().ToList();
            Assert.Contains("q", names);
            foreach (var name in names)
            {
                foreach (var value in Hostile)
                {
                    var response = await browser.GetAsync($"{list}?{name}={Uri.EscapeDataString(value)}");
                    if ((int)response.StatusCode >= 500 || response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.BadRequest))
                    {
                        failures.Add($"{(int)response.StatusCode} from {list} with {name}={(value.Length > 40 ? $"{value.Length:N0} characters" : value)}");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
