using HeritageRegistry.Data;
using Microsoft.Extensions.Options;

namespace HeritageRegistry.Photos;

/// <summary>
/// Where photo files live, outside wwwroot: originals byte-for-byte and derived copies, each under
/// its SHA-256 in two levels of shard folders (ab/cd/abcd…) so no folder grows huge.
/// </summary>
public sealed class PhotoFiles(IOptions<RegistryOptions> options)
{
    public static readonly IReadOnlyList<string> Sizes = ["thumb", "display"];

    private string Root => options.Value.PhotoPath;

    public string Original(string sha256) => Sharded("originals", sha256, sha256);

    public string Derived(string sha256, string size) => Sharded("derived", sha256, $"{sha256}-{size}.jpg");

    private string Temporary => Path.Combine(Root, "tmp");

    /// <summary>A fresh temporary file on the same disk as the store, so moving it into place is a rename.</summary>
    public string NewTemporary() => Path.Combine(Directory.CreateDirectory(Temporary).FullName, Guid.NewGuid().ToString("N"));

    /// <summary>Removes what uploads cut off by a crash or a stop left in the temporary folder.</summary>
    public void ClearTemporary()
    {
        if (Directory.Exists(Temporary))
        {
            foreach (var file in Directory.EnumerateFiles(Temporary))
            {
                File.Delete(file);
            }
        }
    }

    private string Sharded(string kind, string sha256, string file) => Path.Combine(Root, kind, sha256[..2], sha256[2..4], file);
}
