using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using HeritageRegistry.Display;

namespace HeritageRegistry.UnitTests.Display;

public sealed class MarkdownTests
{
    private static string Html(string markdown)
    {
        using var writer = new StringWriter();
        Markdown.Render(markdown).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("[click](data:text/html,<script>alert(1)</script>)")]
    [InlineData("[click](//evil.example/x)")]
    [InlineData("![x](javascript:alert(1))")]
    public void Links_that_could_run_code_or_leave_for_an_unknown_scheme_are_neutralised(string markdown)
    {
        var html = Html(markdown);

        Assert.Contains("href=\"#\"", html.Replace("src=\"#\"", "href=\"#\"", StringComparison.Ordinal));
        Assert.DoesNotContain("javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("evil.example", html);
    }

    [Theory]
    [InlineData("[UNESCO](https://whc.unesco.org/en/list/23)", "https://whc.unesco.org/en/list/23")]
    [InlineData("[the cella](/sites/bel-cella)", "/sites/bel-cella")]
    [InlineData("[write](mailto:editors@example.org)", "mailto:editors@example.org")]
    public void Ordinary_links_are_kept(string markdown, string href)
    {
        Assert.Contains($"href=\"{href}\"", Html(markdown));
    }

    [Fact]
    public void Raw_html_is_shown_as_text_not_run()
    {
        var html = Html("<script>alert(1)</script> and <b>bold</b>");

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    /// <summary>Ways to smuggle a script, a data document or another site into a link or image.</summary>
    public static TheoryData<string> Evasions => new()
    {
        "<javascript:alert(1)>",
        "<JaVaScRiPt:alert(1)>",
        "<vbscript:msgbox(1)>",
        "<data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>",
        "[x][1]\n\n[1]: javascript:alert(1)",
        "[x]\n\n[x]: <javascript:alert(1)> \"title\"",
        "[x][]\n\n[x]: vbscript:msgbox(1)",
        "![x][img]\n\n[img]: javascript:alert(1)",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;avascript:alert(1))",
        "[x](&#X6a;&#x61;&#118;ascript:alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](<java\tscript:alert(1)>)",
        "[x](java&#x09;script:alert(1))",
        "[x](java&#10;script:alert(1))",
        "[x](java&#13;script:alert(1))",
        "[x](<\u0001javascript:alert(1)>)",
        "[x](&#1;javascript:alert(1))",
        "[x](<\u0000javascript:alert(1)>)",
        "[x](java\u0000script:alert(1))",
        "[x](&#32;javascript:alert(1))",
        "[x](<  javascript:alert(1)>)",
        "[x](//evil.example/x)",
        "[x](/\\evil.example/x)",
        "[x](<\\\\evil.example/x>)",
        "[x](data:text/html,%3Cscript%3Ealert(1)%3C/script%3E)",
        "![x](vbscript:msgbox(1))",
        "[![x](/ok.png)](javascript:alert(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<img src=x onerror=alert(1)>",
    };

    [Theory]
    [MemberData(nameof(Evasions))]
    public void No_link_or_image_in_the_output_leads_anywhere_but_http_mailto_or_this_site(string markdown)
    {
        var document = new HtmlParser().ParseDocument(Html(markdown));

        var addresses = document.QuerySelectorAll("[href], [src]").SelectMany(e => new[] { e.GetAttribute("href"), e.GetAttribute("src") }).OfType<string>();
        Assert.All(addresses, address =>
        {
            var resolved = new Url(Page, address);
            Assert.True(resolved.IsInvalid || resolved.Scheme is "http" or "https" or "mailto", $"{address} is a {resolved.Scheme}: link");
            // Another site only when written out in full: not a protocol-relative or backslashed path.
            Assert.True(resolved.IsInvalid || resolved.Scheme == "mailto" || resolved.Host == Page.Host
                || address.StartsWith("http://", StringComparison.Ordinal) || address.StartsWith("https://", StringComparison.Ordinal), $"{address} leaves the site");
        });
        Assert.Empty(document.QuerySelectorAll("script, [onerror], [onload]"));
    }

    [Theory]
    [InlineData("<https://whc.unesco.org/en/list/23>", "a", "https://whc.unesco.org/en/list/23")]
    [InlineData("<editors@example.org>", "a", "mailto:editors@example.org")]
    [InlineData("<MAILTO:editors@example.org>", "a", "MAILTO:editors@example.org")]
    [InlineData("[the temple][bel]\n\n[bel]: /sites/temple-of-bel", "a", "/sites/temple-of-bel")]
    [InlineData("[UNESCO][]\n\n[UNESCO]: HTTPS://whc.unesco.org", "a", "HTTPS://whc.unesco.org")]
    [InlineData("![the cella](/photos/1/file)", "img", "/photos/1/file")]
    [InlineData("![map][m]\n\n[m]: https://example.org/map.png", "img", "https://example.org/map.png")]
    [InlineData("[below](#sources)", "a", "#sources")]
    public void Safe_links_are_kept_whatever_the_syntax(string markdown, string element, string address)
    {
        var found = new HtmlParser().ParseDocument(Html(markdown)).QuerySelector(element)!;

        Assert.Equal(address, found.GetAttribute(element == "img" ? "src" : "href"));
    }

    [Fact]
    public void A_refused_autolink_stays_as_its_text()
    {
        var document = new HtmlParser().ParseDocument(Html("see <javascript:alert(1)>"));

        Assert.Empty(document.QuerySelectorAll("a"));
        Assert.Contains("javascript:alert(1)", document.Body!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>The page the Markdown is shown on; addresses are resolved against it as a browser does (WHATWG URL).</summary>
    private static readonly Url Page = new("https://registry.example/sites/temple-of-bel");
}
