namespace HeritageRegistry.Search;

/// <summary>Fills the search's doc values in the background once the database is ready (hosted after DatabaseInitializer).</summary>
public sealed class SearchDocsWarmup(SearchDocs docs, ILogger<SearchDocsWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await docs.WarmAsync(stoppingToken);
            logger.LogInformation("Search doc values loaded in {Milliseconds:0} ms", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (System.Data.Common.DbException ex)
        {
            // Only a head start: the first search loads them anyway, so a failure here must not stop the site.
            logger.LogWarning(ex, "Could not load the search doc values ahead of the first search");
        }
    }
}
