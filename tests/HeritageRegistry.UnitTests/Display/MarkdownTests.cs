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
}
