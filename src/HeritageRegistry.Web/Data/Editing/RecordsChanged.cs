namespace HeritageRegistry.Data.Editing;

/// <summary>One record a committed write changed.</summary>
public readonly record struct ChangedRecord(RecordType Type, long Id);

/// <summary>Something kept beside the database (a cache, an in-memory copy) that must follow its changes.</summary>
public interface IRecordsChangedListener
{
    /// <summary>Called after <paramref name="changed"/> were committed. The token is the app's, never a request's.</summary>
    Task RecordsChangedAsync(IReadOnlyCollection<ChangedRecord> changed, CancellationToken cancellationToken);
}

/// <summary>
/// The editor announces here what each commit changed, and whatever keeps a copy of the record (the
/// public page cache, the search doc values) listens, so the data layer knows nothing of them. The
/// announcement is made with the app's lifetime token rather than the request's: once the data is
/// committed, a client that hangs up must not leave those copies stale. Later a listener can carry the
/// announcement to other nodes.
/// </summary>
public sealed class RecordsChanged(IEnumerable<IRecordsChangedListener> listeners, IHostApplicationLifetime lifetime, ILogger<RecordsChanged> logger)
{
    public async Task AnnounceAsync(IReadOnlyCollection<ChangedRecord> changed)
    {
        foreach (var listener in listeners)
        {
            try
            {
                await listener.RecordsChangedAsync(changed, lifetime.ApplicationStopping);
            }
            catch (Exception ex)
            {
                // The write is committed and the curator must hear so; one listener failing must not stop the others.
                logger.LogError(ex, "{Listener} could not follow a change to {Count} records", listener.GetType().Name, changed.Count);
            }
        }
    }
}
