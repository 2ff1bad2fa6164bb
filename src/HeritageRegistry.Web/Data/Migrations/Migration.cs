using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace HeritageRegistry.Data.Migrations;

/// <summary>One numbered file from <c>migrations/</c>, embedded in the assembly at build time.</summary>
public sealed record Migration(string Name, string Sql)
{
    // Computed from Sql each time, so a copy made with `with { Sql = … }` has its own checksum.
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalise(Sql))));

    // The embedded files never change while the process runs: read once, not on every /health probe.
    private static readonly Lazy<IReadOnlyList<Migration>> Embedded = new(() => Load());

    /// <summary>All embedded migrations in the order their numbers give.</summary>
    public static IReadOnlyList<Migration> LoadEmbedded() => Embedded.Value;

    private static List<Migration> Load()
    {
        var assembly = typeof(Migration).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("migrations/", StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => new Migration(name["migrations/".Length..], Read(assembly, name)))
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
