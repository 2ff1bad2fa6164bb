using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace HeritageRegistry.Data.Migrations;

/// <summary>One numbered file from <c>migrations/PROVIDER/</c>, embedded in the assembly at build time. Its name in the
/// journal leaves the folder out, so a SQLite registry migrated before the folders existed still matches.</summary>
public sealed record Migration(string Name, string Sql)
{
    // Computed from Sql each time, so a copy made with `with { Sql = … }` has its own checksum.
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalise(Sql))));

    // The embedded files never change while the process runs: read once, not on every /health probe.
    private static readonly ConcurrentDictionary<string, IReadOnlyList<Migration>> Embedded = new(StringComparer.Ordinal);

    /// <summary>All embedded migrations of one provider (<see cref="SqlDialect.Provider"/>) in the order their numbers give.</summary>
    public static IReadOnlyList<Migration> LoadEmbedded(string provider) => Embedded.GetOrAdd(provider, Load);

    private static List<Migration> Load(string provider)
    {
        var assembly = typeof(Migration).Assembly;
        var folder = $"migrations/{provider}/";
        // RecursiveDir gives the folder's separator of the machine that built the assembly.
        return assembly.GetManifestResourceNames()
            .Where(name => name.Replace('\\', '/').StartsWith(folder, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => new Migration(name[folder.Length..], Read(assembly, name)))
            .ToList();
    }

    // Line endings differ between checkouts (core.autocrlf); they must not read as a change.
    private static string Normalise(string sql) => sql.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
