using System.Text;
using HeritageRegistry.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace HeritageRegistry.BrowserTests.Journeys;

/// <summary>A place or report printed (to PDF, as a reader's browser would print it) is a usable condition report.</summary>
public sealed class PrintTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [BrowserFact]
    public async Task A_printed_place_has_every_claim_with_its_sources_the_citation_and_the_permanent_address_and_no_navigation()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/sites/temple-of-bel");
        // What the screen folds away: the sources of each claim (titles, publishers and dates) and the citation.
        var sources = await page.Locator(".citations li > a").AllTextContentsAsync();
        var publishers = await page.Locator(".citations li > .muted").AllTextContentsAsync();
        var addresses = await page.Locator(".citations .source-address").AllTextContentsAsync();
        var citation = await page.Locator(".citation-text").TextContentAsync();

        var printed = await PrintedTextAsync(page);

        Assert.True(sources.Count >= 5, $"The Temple of Bel cites {sources.Count} sources; the seed gives it more.");
        Assert.NotEmpty(addresses);
        Assert.All(sources.Concat(publishers).Concat(addresses).Append(citation!), text => Assert.Contains(Squeezed(text), printed));
        Assert.Contains(Squeezed($"Permanent address: {host.BaseAddress}sites/temple-of-bel"), printed);
        foreach (var chrome in new[] { "Skip to content", "Methodology", "How the record is kept", "Download this citation", "Sign out" })
        {
            Assert.DoesNotContain(Squeezed(chrome), printed);
        }
    }

    [BrowserFact]
    public async Task A_printed_report_has_its_sources_and_its_permanent_address()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/reports/PAL-2015-0010");
        var sources = await page.Locator(".citations li > a").AllTextContentsAsync();

        var printed = await PrintedTextAsync(page);

        Assert.NotEmpty(sources);
        Assert.All(sources, title => Assert.Contains(Squeezed(title), printed));
        Assert.Contains(Squeezed($"Permanent address: {host.BaseAddress}reports/PAL-2015-0010"), printed);
        Assert.DoesNotContain(Squeezed("Methodology"), printed);
    }

    /// <summary>The page printed by Chromium, as the text of the PDF.</summary>
    private static async Task<string> PrintedTextAsync(IPage page)
    {
        var pdf = await page.PdfAsync(new() { Format = "A4", Path = Path.Combine(BrowserHost.ScreenshotFolder, $"print{new Uri(page.Url).AbsolutePath.Replace('/', '-')}.pdf") });
        using var document = PdfDocument.Open(pdf);
        var text = new StringBuilder();
        foreach (var printedPage in document.GetPages())
        {
            text.Append(ContentOrderTextExtractor.GetText(printedPage));
        }
        // Chromium sets "fi" as one ligature glyph; compatibility normalisation spells it out again.
        return Squeezed(text.ToString().Normalize(NormalizationForm.FormKC));
    }

    /// <summary>Text without any white space: lines wrap differently on paper than on screen.</summary>
    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
