using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SQLitePCL;

namespace HeritageRegistry.IntegrationTests.Infrastructure;

/// <summary>
/// Counts the SQL statements the app runs while an action is under way: through SQLite's own tracing, or on
/// PostgreSQL through Npgsql's activities for the app's own database (each command's text split into its statements).
/// On PostgreSQL it also counts round trips: the commands, each sent and answered at once.
/// </summary>
public static class StatementCounter
{
    public static async Task<int> CountAsync(RegistryFactory factory, Func<Task> action) =>
        (await CountBothAsync(factory, action)).Statements;

    /// <summary>The commands sent to PostgreSQL while the action is under way (PostgreSQL only).</summary>
    public static async Task<int> RoundTripsAsync(RegistryFactory factory, Func<Task> action) =>
        TestDatabase.IsPostgreSql ? (await CountBothAsync(factory, action)).RoundTrips : throw new InvalidOperationException("Round trips are counted on PostgreSQL only.");

    private static async Task<(int Statements, int RoundTrips)> CountBothAsync(RegistryFactory factory, Func<Task> action)
    {
        var database = factory.Services.GetRequiredService<Data.Database>();
        var count = 0;
        var roundTrips = 0;
        using var listener = TestDatabase.IsPostgreSql
            ? PostgreSqlListener(database, () => Interlocked.Increment(ref count), () => Interlocked.Increment(ref roundTrips))
            : null;
        // Connection set-up pragmas are not the page's queries (a pooled connection may still carry this trace).
        database.OnOpened = connection =>
        {
            if (connection is SqliteConnection sqlite)
            {
                raw.sqlite3_trace(sqlite.Handle, (strdelegate_trace)((_, sql) =>
                {
                    if (!sql.TrimStart().StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase))
                    {
                        Interlocked.Increment(ref count);
                    }
                }), null);
            }
        };
        try
        {
            await action();
        }
        finally
        {
            database.OnOpened = null;
        }
        return (count, roundTrips);
    }

    private static ActivityListener PostgreSqlListener(Data.Database database, Action counted, Action sent)
    {
        string name;
        using (var connection = (NpgsqlConnection)database.OpenAsync().GetAwaiter().GetResult())
        {
            name = connection.Database;
        }
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("db.namespace") as string == name && activity.GetTagItem("db.query.text") is string sql)
                {
                    sent();
                    foreach (var _ in sql.Split(';').Where(statement => !string.IsNullOrWhiteSpace(statement)))
                    {
                        counted();
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
