using System.Text.Encodings.Web;
using System.Text.Unicode;
using AngleSharp.Html.Parser;
using HeritageRegistry.Display;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace HeritageRegistry.UnitTests.Display;

public sealed class RecordTextTests
{
    private static string Render(string? en, string? ar, bool markdown = false)
    {
        var helper = new RecordTextTagHelper { En = en, Ar = ar, Markdown = markdown };
        var context = new TagHelperContext("record-text", [], new Dictionary<object, object>(), "test");
        var output = new TagHelperOutput("record-text", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        helper.Process(context, output);
        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Create(UnicodeRanges.All)); // Arabic as text, not character references, to compare
        return writer.ToString();
    }

    [Fact]
    public void An_Arabic_page_shows_the_Arabic_text_marked_Arabic_and_right_to_left()
    {
        using var _ = new UiCulture("ar");

        Assert.Equal("<span lang=\"ar\" dir=\"rtl\">تدمير المعبد</span>", Render("Temple destroyed", "تدمير المعبد"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void An_Arabic_page_without_Arabic_text_shows_the_English_marked_English_and_left_to_right(string? arabic)
    {
        using var _ = new UiCulture("ar-SY");

        Assert.Equal("<span lang=\"en\" dir=\"ltr\">Temple destroyed</span>", Render("Temple destroyed", arabic));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-GB")]
    public void An_English_page_shows_the_English_text_alone_whatever_Arabic_there_is(string culture)
    {
        using var _ = new UiCulture(culture);

        Assert.Equal("Temple destroyed", Render("Temple destroyed", "تدمير المعبد"));
        Assert.Equal(new RecordText("Temple destroyed", "en"), RecordText.Of("Temple destroyed", "تدمير المعبد"));
    }

    [Fact]
    public void An_Arabic_description_is_Markdown_in_a_block_with_its_language()
    {
        using var _ = new UiCulture("ar");

        var block = new HtmlParser().ParseDocument(Render("English **text**", "نص **عربي**", markdown: true)).Body!.FirstElementChild!;

        Assert.Equal("DIV", block.TagName);
        Assert.Equal(("ar", "rtl"), (block.GetAttribute("lang"), block.GetAttribute("dir")));
        Assert.Equal("عربي", block.QuerySelector("p strong")!.TextContent);
    }

    [Theory]
    [InlineData("[انقر](javascript:alert(1))")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("![صورة](data:text/html,x)")]
    public void Arabic_Markdown_is_made_as_safe_as_English(string arabic)
    {
        using var _ = new UiCulture("ar");

        var html = new HtmlParser().ParseDocument(Render("English", arabic, markdown: true));

        Assert.Empty(html.QuerySelectorAll("script"));
        Assert.All(html.QuerySelectorAll("[href], [src]"), e => Assert.Equal("#", e.GetAttribute("href") ?? e.GetAttribute("src")));
    }

    [Fact]
    public void Nothing_is_written_when_there_is_no_text_in_either_language()
    {
        using var _ = new UiCulture("ar");

        Assert.Equal("", Render(null, null));
        Assert.Equal("", Render("", null, markdown: true));
    }
}
