using HeritageRegistry.Data;
using HeritageRegistry.Pages.Sites;

namespace HeritageRegistry.UnitTests.Display;

public sealed class SiteTreeTests
{
    private static SiteListItem Site(string slug, string? parent) => new() { Slug = slug, ParentSlug = parent, NameEn = slug };

    [Fact]
    public void Children_follow_their_parent_one_level_deeper()
    {
        var rows = SiteTree.Flatten([Site("palmyra", null), Site("bel-cella", "temple-of-bel"), Site("temple-of-bel", "palmyra"), Site("theatre", "palmyra")]);

        Assert.Equal(
            [("bel-cella", 2), ("palmyra", 0), ("temple-of-bel", 1), ("theatre", 1)],
            rows.Select(r => (r.Site.Slug, r.Depth)).OrderBy(r => r.Slug).ToList());
        Assert.Equal(["palmyra", "temple-of-bel", "bel-cella", "theatre"], rows.Select(r => r.Site.Slug).ToList());
    }

    [Fact]
    public void A_place_whose_parent_is_not_shown_is_listed_at_the_top_rather_than_lost()
    {
        var rows = SiteTree.Flatten([Site("orphan", "hidden-draft")]);

        Assert.Equal(("orphan", 0), (rows[0].Site.Slug, rows[0].Depth));
    }
}
