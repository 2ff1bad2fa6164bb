using System.Data.Common;

namespace HeritageRegistry.Data.Editing;

/// <summary>
/// Writes made through <see cref="RecordEditor"/> on one connection and transaction, so they commit together or
/// not at all; the editor announces what they changed once, after the commit. Reads made on
/// <see cref="Connection"/> within <see cref="Transaction"/> see the batch's own writes.
/// </summary>
public sealed class EditBatch(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    internal List<ChangedRecord> Changed { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
