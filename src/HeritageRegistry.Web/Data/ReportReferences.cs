using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Options;

namespace HeritageRegistry.Data;

/// <summary>
/// Report references: the configured prefix (Registry:ReferencePrefix), the year of the event and a
/// number counting that year's reports, e.g. PAL-2015-0016. The number is read as a number, so
/// PAL-2015-10000 follows PAL-2015-9999 (as text, "10000" sorts before "9999").
/// </summary>
public sealed class ReportReferences(IOptions<RegistryOptions> options)
{
    public string Format(int year, long number) =>
        string.Create(CultureInfo.InvariantCulture, $"{Stem(year)}{number:0000}");

    /// <summary>The next free reference for a year; called inside the transaction that creates the report.</summary>
    public async Task<string> NextAsync(IDbConnection connection, IDbTransaction transaction, int year)
    {
        var stem = Stem(year);
        // The range keeps to the stem's rows in the reference index (':' follows '9'); the digits test drops any other tail.
        var highest = await connection.ExecuteScalarAsync<long?>(new CommandDefinition($"""
            SELECT MAX(CAST(substr(reference, @start) AS BIGINT)) FROM damage_report
            WHERE reference >= @stem || '0' AND reference < @stem || ':' AND {SqlDialect.Of(connection).IsDigits("substr(reference, @start)")}
            """, new { stem, start = stem.Length + 1 }, transaction));
        return Format(year, (highest ?? 0) + 1);
    }

    private string Stem(int year) => string.Create(CultureInfo.InvariantCulture, $"{options.Value.ReferencePrefix}-{year:0000}-");
}
