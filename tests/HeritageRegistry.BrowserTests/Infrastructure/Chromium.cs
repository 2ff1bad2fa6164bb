namespace HeritageRegistry.BrowserTests.Infrastructure;

/// <summary>Debian's Chromium: the only browser these tests use. Nothing is ever downloaded.</summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(Path);

    /// <summary>On CI a missing browser is a failure, not a reason to skip.</summary>
    public static bool IsRequired => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A browser test: skipped, with a message saying why, when Chromium is missing outside CI.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Chromium.IsInstalled && !Chromium.IsRequired)
        {
            Skip = $"Browser tests skipped: no Chromium at {Chromium.Path}. Install it with 'apt-get install chromium' (CI does).";
        }
    }
}
