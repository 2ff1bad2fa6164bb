using Microsoft.Extensions.DependencyInjection;
using SQLitePCL;

namespace HeritageRegistry.IntegrationTests.Infrastructure;

/// <summary>Counts the SQL statements SQLite runs while an action is under way, through SQLite's own tracing.</summary>
public static class StatementCounter
{
    public static async Task<int> CountAsync(RegistryFactory factory, Func<Task> action)
    {
        var database = factory.Services.GetRequiredService<Data.Database>();
        var count = 0;
        // Connection set-up pragmas are not the page's queries (a pooled connection may still carry this trace).
        database.OnOpened = connection => raw.sqlite3_trace(connection.Handle, (strdelegate_trace)((_, sql) =>
        {
            if (!sql.TrimStart().StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref count);
            }
        }), null);
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
}
