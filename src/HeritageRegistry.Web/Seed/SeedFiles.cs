using System.Text.Json;

namespace HeritageRegistry.Seed;

/// <summary>
/// The Palmyra seed record as files: Seed/Palmyra/*.json and the update steps in Seed/Palmyra/updates/,
/// embedded in the assembly so what runs is what was built. A test may read an older state of the record
/// from a folder laid out the same way.
/// </summary>
public sealed class SeedFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private const string StepPrefix = "seed/palmyra/updates/";

    private readonly Func<string, Stream?> _open;
    private readonly IReadOnlyList<string> _stepNames;

    private SeedFiles(Func<string, Stream?> open, IEnumerable<string> stepNames)
    {
        _open = open;
        _stepNames = [.. stepNames.Order(StringComparer.Ordinal)];
    }

    public static SeedFiles Embedded()
    {
        var assembly = typeof(SeedFiles).Assembly;
        return new(assembly.GetManifestResourceStream, assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(StepPrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n[StepPrefix.Length..^".json".Length]));
    }

    /// <summary>A record laid out as Seed/Palmyra: the four files, and an updates/ folder if it has steps.</summary>
    public static SeedFiles FromFolder(string folder)
    {
        var updates = Path.Combine(folder, "updates");
        return new(name =>
            {
                var path = Path.Combine(folder, name["seed/palmyra/".Length..]);
                return File.Exists(path) ? File.OpenRead(path) : null;
            },
            Directory.Exists(updates) ? Directory.GetFiles(updates, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>() : []);
    }

    public IReadOnlyList<SeedSource> Sources => Load<List<SeedSource>>("seed/palmyra/sources.json");

    public IReadOnlyList<SeedSite> Sites => Load<List<SeedSite>>("seed/palmyra/sites.json");

    public IReadOnlyList<SeedReport> Reports => Load<List<SeedReport>>("seed/palmyra/reports.json");

    public IReadOnlyList<SeedDisagreement> Disagreements => Load<List<SeedDisagreement>>("seed/palmyra/disagreements.json");

    /// <summary>The update steps' names (0001-theatre-date), in the order they apply.</summary>
    public IReadOnlyList<string> StepNames => _stepNames;

    public SeedStep Step(string name) => Load<SeedStep>($"{StepPrefix}{name}.json");

    private T Load<T>(string name)
    {
        using var stream = _open(name) ?? throw new InvalidDataException($"Seed file {name} is missing.");
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"Seed file {name} is empty.");
    }
}
