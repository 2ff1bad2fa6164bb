using System.Data;
using Dapper;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;

namespace HeritageRegistry.Pages.Curate.Sources;

/// <summary>Create and edit one source.</summary>
public sealed class EditModel(RecordEditor editor, CurateStore curate) : RecordEditPageModel<SourceInput>(editor, curate)
{
    protected override RecordType Type => RecordType.Source;

    protected override SourceInput FromRecord(EditableRecord record) => SourceInput.From(record.Values, record.Version);

    protected override Dictionary<string, object?> ToValues(SourceInput input, EditableRecord? existing) =>
        input.ToValues((string?)existing?.Values["reference"]);

    // New sources continue the S01, S02 ... numbering the seed started.
    protected override async Task PrepareCreateAsync(IDbConnection connection, IDbTransaction transaction, Dictionary<string, object?> values)
    {
        var highest = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(CAST(SUBSTR(reference, 2) AS INTEGER)) FROM source WHERE reference GLOB 'S[0-9]*'", transaction: transaction));
        values["reference"] = $"S{(highest ?? 0) + 1:00}";
    }
}
