using System.Data;
using Microsoft.Data.Sqlite;

namespace HeritageRegistry.Data;

/// <summary>
/// A SQLite connection that stays open between uses and keeps every SQL text it has run compiled.
/// Microsoft.Data.Sqlite compiles a command's SQL afresh for each new command (dotnet/efcore#14044), and
/// Dapper makes a new command for every query, so compiling was most of a page's database time: the
/// statements behind a place page took longer to compile than to run. <see cref="Database"/> lends these
/// connections out; disposing one gives it back, open, with its compiled statements.
/// </summary>
internal sealed class ReusableConnection(string connectionString, Func<ReusableConnection, bool> giveBack) : SqliteConnection(connectionString)
{
    // Texts are the code's own constants, a few hundred at most; past this, queries simply compile as before.
    private const int MaxStatements = 512;

    private readonly Dictionary<string, CompiledCommand> _compiled = new(StringComparer.Ordinal);
    private bool _lent;
    private bool _idle;

    public void Lend()
    {
        _idle = false;
        _lent = true;
    }

    /// <summary>Closes a connection the pool no longer keeps.</summary>
    public void Retire()
    {
        _idle = false;
        Dispose();
    }

    public override SqliteCommand CreateCommand() =>
        new ReusingCommand { Connection = this, CommandTimeout = DefaultTimeout, Transaction = Transaction };

    /// <summary>The compiled command for this text, unless it is running now (a reader of it still open).</summary>
    private CompiledCommand? CompiledFor(string text)
    {
        if (_compiled.TryGetValue(text, out var command))
        {
            return command.IsRunning ? null : command;
        }
        if (_compiled.Count >= MaxStatements)
        {
            return null;
        }
        return _compiled[text] = new CompiledCommand { Connection = this, CommandText = text };
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _lent)
        {
            _lent = false;
            // A transaction its user left open ends here (rolled back), as closing would end it.
            Transaction?.Dispose();
            if (State == ConnectionState.Open && giveBack(this))
            {
                _idle = true;
                return;
            }
        }
        else if (disposing && _idle)
        {
            return; // disposed twice by its last user: it is already back in the pool
        }
        foreach (var command in _compiled.Values)
        {
            command.Dispose();
        }
        _compiled.Clear();
        base.Dispose(disposing);
    }

    /// <summary>What Dapper creates: it runs its text through the connection's compiled command for it.</summary>
    private sealed class ReusingCommand : SqliteCommand
    {
        // ExecuteNonQuery, ExecuteScalar and the async forms all come through here.
        public override SqliteDataReader ExecuteReader(CommandBehavior behavior)
        {
            if (Connection is not ReusableConnection connection || connection.CompiledFor(CommandText) is not { } compiled)
            {
                return base.ExecuteReader(behavior);
            }
            compiled.Parameters.Clear();
            foreach (SqliteParameter parameter in Parameters)
            {
                compiled.Parameters.Add(parameter);
            }
            compiled.Transaction = Transaction;
            compiled.CommandTimeout = CommandTimeout;
            return compiled.ExecuteReader(behavior);
        }
    }

    /// <summary>Keeps its statements compiled from one run to the next, as long as its text stays the same.</summary>
    private sealed class CompiledCommand : SqliteCommand
    {
        public bool IsRunning => DataReader is not null;
    }
}
