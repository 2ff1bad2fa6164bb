namespace HeritageRegistry.Photos;

/// <summary>
/// Clears the photo temporary folder as the app starts. An upload in progress deletes its own
/// temporary files, even when it fails, but one cut off by a crash or a stop cannot; and before the
/// app starts no upload of this instance is in flight, so everything there is left over.
/// </summary>
public sealed class PhotoTemporaryCleanup(PhotoFiles files) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        files.ClearTemporary();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
