using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SQLitePCL;

namespace HeritageRegistry.IntegrationTests.Infrastructure;

/// <summary>
/// Counts the SQL statements the app runs while an action is under way: through SQLite's own tracing, or on
/// PostgreSQL through Npgsql's activities for the app's own database (each command's text split into its statements).
/// </summary>
public static class StatementCounter
{
    public static async Task<int> CountAsync(RegistryFactory factory, Func<Task> action)
    {
        var database = factory.Services.GetRequiredService<Data.Database>();
        var count = 0;
        using var listener = TestDatabase.IsPostgreSql ? PostgreSqlListener(database, () => Interlocked.Increment(ref count)) : null;
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
        return count;
    }

    private static ActivityListener PostgreSqlListener(Data.Database database, Action counted)
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
