using System.Globalization;
using Dapper;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using Microsoft.AspNetCore.OutputCaching;

namespace HeritageRegistry.Hosting;

/// <summary>
/// Carries each committed change between the web nodes of one PostgreSQL database, so an edit on one node is on
/// every node's pages at once. The editor's announcement (<see cref="RecordsChanged"/>) reaches this node's
/// listeners directly and this one, which publishes the changed records with NOTIFY; every node LISTENs on a
/// connection of its own and announces what other nodes changed to its own listeners (the page cache evicts, the
/// search doc values follow). The search doc values and place conditions would also notice by the database's
/// generation counter at their next read; the page cache has no such check, which is why this exists.
/// A node whose listening connection drops reconnects and evicts every cached page, since it may have missed changes.
/// </summary>
public sealed class NodeNotifications(Database database, IServiceProvider services, IOutputCacheStore cache, ILogger<NodeNotifications> logger)
    : BackgroundService, IRecordsChangedListener
{
    private const string Channel = "heritage_records_changed";

    /// <summary>The listening connection's name in pg_stat_activity, so an operator (or a test) can tell it from the pool's.</summary>
    public const string ListenerName = "heritage-node-listener";

    // NOTIFY's payload must stay under 8000 bytes: a record is at most ~35 ("disagreement:" and a 64-bit id and a space).
    private const int RecordsPerNotification = 200;

    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);

    /// <summary>Marks this node's notifications, which it hears too and must not follow twice.</summary>
    private readonly string _node = Guid.NewGuid().ToString("N");

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task RecordsChangedAsync(IReadOnlyCollection<ChangedRecord> changed, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var part in changed.Chunk(RecordsPerNotification))
        {
            var payload = string.Join(' ', part.Select(record => $"{record.Type.Name}:{record.Id.ToString(CultureInfo.InvariantCulture)}").Prepend(_node));
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_notify(@Channel, @payload)", new { Channel, payload },
                cancellationToken: cancellationToken));
        }
    }

    /// <summary>Starts listening before the node takes requests, so no change made after it serves its first page is missed.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        await Task.WhenAny(_listening.Task, Task.Delay(TimeSpan.FromSeconds(10), cancellationToken));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var mayHaveMissed = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(mayHaveMissed, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Lost the connection that hears other web nodes' changes; reconnecting in {Seconds} s", Retry.TotalSeconds);
                mayHaveMissed = true;
                await Task.Delay(Retry, stoppingToken);
            }
        }
    }

    private async Task ListenAsync(bool mayHaveMissed, CancellationToken stoppingToken)
    {
        await using var connection = await database.OpenOwnPostgreSqlAsync(ListenerName, stoppingToken);
        var heard = new List<string>();
        connection.Notification += (_, notification) => heard.Add(notification.Payload);
        await connection.ExecuteAsync(new CommandDefinition($"LISTEN {Channel}", cancellationToken: stoppingToken));
        if (mayHaveMissed)
        {
            await cache.EvictByTagAsync(PublicPageCaching.AllPages, stoppingToken);
        }
        _listening.TrySetResult();
        while (true)
        {
            if (!await connection.WaitAsync(Idle, stoppingToken))
            {
                // Quiet for a while: a query proves the connection still stands (a silently dropped one would wait forever).
                await connection.ExecuteAsync(new CommandDefinition("SELECT 1", cancellationToken: stoppingToken));
            }
            foreach (var payload in heard.ToList())
            {
                await FollowAsync(payload, stoppingToken);
            }
            heard.Clear();
        }
    }

    private async Task FollowAsync(string payload, CancellationToken cancellationToken)
    {
        var parts = payload.Split(' ');
        if (parts[0] == _node)
        {
            return;
        }
        var changed = parts.Skip(1).Select(Parse).OfType<ChangedRecord>().ToList();
        // This node's other listeners: resolved here, since they and this one are the same service list.
        foreach (var listener in services.GetServices<IRecordsChangedListener>().Where(listener => !ReferenceEquals(listener, this)))
        {
            try
            {
                await listener.RecordsChangedAsync(changed, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Listener} could not follow another node's change to {Count} records", listener.GetType().Name, changed.Count);
            }
        }
    }

    private static ChangedRecord? Parse(string text) =>
        text.Split(':') is [var type, var id] && RecordType.Find(type) is { } recordType
            && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? new ChangedRecord(recordType, value)
            : null;
}
