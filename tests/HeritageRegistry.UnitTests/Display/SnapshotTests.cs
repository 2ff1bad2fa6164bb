using HeritageRegistry.Data.Editing;

namespace HeritageRegistry.UnitTests.Display;

public sealed class SnapshotTests
{
    [Fact]
    public void A_diff_lists_only_the_fields_that_changed_with_both_values()
    {
        var before = new Dictionary<string, object?> { ["title"] = "Old", ["latitude"] = 34.5469, ["severity"] = null };
        var after = new Dictionary<string, object?> { ["title"] = "New", ["latitude"] = 34.5469, ["severity"] = "destroyed" };

        var changes = Snapshot.Diff(before, after);

        Assert.Equal([new FieldChange("title", "Old", "New"), new FieldChange("severity", null, "destroyed")], changes);
    }

    [Fact]
    public void A_state_survives_the_round_trip_through_json_without_reading_as_changed()
    {
        var state = new Dictionary<string, object?> { ["site_id"] = 7L, ["latitude"] = 34.0, ["name_ar"] = "معبد بعل", ["built"] = null };

        var back = Snapshot.FromJson(Snapshot.ToJson(state));

        Assert.Empty(Snapshot.Diff(state, back));
        Assert.Equal("معبد بعل", back["name_ar"]);
    }

    [Theory]
    [InlineData("event_date", "Event date")]
    [InlineData("site_id", "Site")]
    [InlineData("title", "Title")]
    [InlineData("title_ar", "Title (Arabic)")]
    [InlineData("description_ar", "Description (Arabic)")]
    public void Field_names_read_as_words(string field, string label) =>
        Assert.Equal(label, new FieldChange(field, null, null).Label);
}
