using System.Text.RegularExpressions;
using HeritageRegistry.Text;
using HeritageRegistry.Vocabulary;

namespace HeritageRegistry.UnitTests;

public sealed partial class VocabTests
{
    // The term lists as spelled in the EAMENA reference data (shared/palmyra/vocab.md, section 2).
    private const string EamenaCauses =
        "Animal/Pest Infestation · Aquaculture · Breaking/Smashing · Cable/Pipe Laying · Clearance (Bulldozing/Levelling) · Clearance (Hand) · Clearance (Unclassified) · Coastal Advance/Accretion · Coastal Erosion/Retreat · Conservation · Construction · Demolition/Destruction · Dissolved Salt · Dredging · Drilling · Drought · Dumping · Excavation (Bulldozing/Machinery) · Excavation (Hand) · Excavation (Unclassified) · Explosion/Heavy Weaponry · Fire · Flooding · Grafitti · Grazing/Animal Movement · Gunfire/Light Weaponry · Human Movement/Trampling · Inundation · Irrigation (Unclassified) · Irrigation (Channels) · Irrigation (Centre Pivot System) · Lack of Maintenance/Management/Legal Measures and Activities · Land/Rock Slide · Landmines · Landscaping · Maintenance/Management Activities · Mining/Quarrying (Unclassified) · Mining/Quarrying (Surface) · Mining/Quarrying (Open Trench/Pit) · Mining/Quarrying (Underground) · Mooring/Anchoring · No Visible/Known · Occupation/Continued Use · Ploughing · Pollution · Precipitation · Railway · Recession of water · Reconstruction · Refurbishment · Restoration · Road/Track · Salvage · Seismic Activity · Stationary Vehicle · Structural Robbing · Temperature/Humidity Change · Theft/Unauthorised Removal of Objects · Trawling · Tunelling · Vegetation/Crops/Trees · Volcanic Eruption · Water Action · Water and/or Wind Action · Wind Action · Unknown";

    private const string EamenaEffects =
        "Access Restriction · Alteration of Terrain · Artefact Displacement · Burning · Chemical Leaching · Collapse/Structural Damage · Compacting · Covered · Cracked/Broken/Missing Parts · Earth Displacement · Erosion/Deterioration (micro-bio) · Lack of Adehsion · Lack of Cohesion · Loss/Removal of Archaeological Material · Loss of Intangible Heritage Linked to Heritage Resource · Relocation of Archaeological Features · Structural Alteration · Surface Loss · Visual Impact · Water Damage · Not Applicable · Unknown";

    // Labels that correct EAMENA's spelling; their codes keep the source spelling.
    private static readonly Dictionary<string, string> Corrected = new()
    {
        ["Grafitti"] = "Graffiti", ["Tunelling"] = "Tunnelling", ["Lack of Adehsion"] = "Lack of Adhesion",
    };

    public static TheoryData<string> ListNames => [.. Vocab.All.Select(list => list.Name)];

    [Fact]
    public void All_holds_every_vocabulary_once()
    {
        Assert.Equal(13, Vocab.All.Count);
        Assert.All(Vocab.All, Assert.NotNull);
        Assert.Equal(Vocab.All.Count, Vocab.All.Select(list => list.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(ListNames))]
    public void Codes_are_unique_within_a_list(string name)
    {
        var list = ListNamed(name);

        Assert.Equal(list.Count, list.Select(term => term.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [MemberData(nameof(ListNames))]
    public void Every_code_is_a_slug(string name)
    {
        Assert.All(ListNamed(name), term => Assert.True(Slug.IsValid(term.Code), term.Code));
    }

    [Theory]
    [MemberData(nameof(ListNames))]
    public void Every_term_has_an_english_label_an_arabic_label_and_a_definition(string name)
    {
        Assert.All(ListNamed(name), term =>
        {
            Assert.False(string.IsNullOrWhiteSpace(term.English), term.Code);
            Assert.Matches(ArabicLetter(), term.Arabic);
            Assert.DoesNotMatch(LatinLetter(), term.Arabic);
            Assert.True(term.Definition.Length > 20 && term.Definition.EndsWith('.'), term.Code);
        });
    }

    [Theory]
    [InlineData("Site kind", "temple tomb museum citadel colonnade theatre arch agora statue other")]
    [InlineData("Report kind", "damage event restoration")]
    [InlineData("Severity", "destroyed severely-damaged moderately-damaged possibly-damaged no-visible-damage")]
    [InlineData("Extent", "no-visible-known 1-10 11-30 31-60 61-90 91-100 unknown")]
    [InlineData("Certainty", "negligible low medium high definite")]
    [InlineData("Verification", "reported corroborated verified-imagery verified-field disputed retracted")]
    [InlineData("Method", "satellite-imagery field-visit media-report official-statement eyewitness")]
    [InlineData("Source kind", "news report satellite-analysis unesco academic official-statement social-media eyewitness encyclopedia")]
    [InlineData("Publication state", "draft published")]
    public void A_list_holds_exactly_its_codes_in_order(string name, string codes)
    {
        Assert.Equal(codes.Split(' '), ListNamed(name).Select(term => term.Code));
    }

    [Theory]
    [InlineData("Cause", EamenaCauses)]
    [InlineData("Effect", EamenaEffects)]
    public void Eamena_terms_keep_their_order_and_their_code_is_the_slug_of_the_source_spelling(string name, string source)
    {
        var terms = source.Split(" · ");

        Assert.Equal(terms.Select(EamenaCode), ListNamed(name).Select(term => term.Code));
    }

    [Theory]
    [InlineData("Cause", EamenaCauses)]
    [InlineData("Effect", EamenaEffects)]
    public void Eamena_labels_are_the_source_terms_with_misspellings_corrected(string name, string source)
    {
        var labels = source.Split(" · ").Select(term => Corrected.GetValueOrDefault(term, term));

        Assert.Equal(labels, ListNamed(name).Select(term => term.English));
    }

    [Fact]
    public void Severities_run_from_darkest_to_lightest()
    {
        Assert.Equal(0, Vocab.Severities.Rank("destroyed"));
        Assert.True(Vocab.Severities.Rank("severely-damaged") < Vocab.Severities.Rank("possibly-damaged"));
        Assert.Equal(Vocab.Severities.Count - 1, Vocab.Severities.Rank("no-visible-damage"));
    }

    [Fact]
    public void Rank_rejects_an_unknown_code()
    {
        var error = Assert.Throws<ArgumentException>(() => Vocab.Severities.Rank("ruined"));

        Assert.Contains("'ruined' is not a Severity code", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("destroyed")]
    [InlineData("DESTROYED")]
    [InlineData("Destroyed")]
    public void Find_ignores_case(string code)
    {
        Assert.Equal("destroyed", Vocab.Severities.Find(code)?.Code);
        Assert.True(Vocab.Severities.Contains(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ruined")]
    public void Find_returns_nothing_for_a_missing_or_unknown_code(string? code)
    {
        Assert.Null(Vocab.Severities.Find(code));
        Assert.False(Vocab.Severities.Contains(code));
    }

    [Theory]
    [InlineData("Severity", "severely-damaged", "Severely damaged")]
    [InlineData("Cause", "GRAFITTI", "Graffiti")]
    [InlineData("Severity", "ruined", "ruined")]
    [InlineData("Severity", null, "")]
    public void Label_is_the_english_label_or_the_code_itself(string name, string? code, string label)
    {
        Assert.Equal(label, ListNamed(name).Label(code));
    }

    [Fact]
    public void A_list_with_a_repeated_code_is_refused()
    {
        Term[] terms = [new("a", "A", "أ", "First."), new("A", "A again", "أ", "Second.")];

        Assert.Throws<ArgumentException>(() => new TermList("Test", terms));
    }

    private static TermList ListNamed(string name) => Vocab.All.Single(list => list.Name == name);

    // The rule from the brief, written independently of Slug so that a change to Slug cannot hide a drift.
    private static string EamenaCode(string term) => NonAlphanumerics().Replace(term.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlphanumerics();

    [GeneratedRegex(@"\p{IsArabic}")]
    private static partial Regex ArabicLetter();

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex LatinLetter();
}
