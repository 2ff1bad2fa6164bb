namespace HeritageRegistry.IntegrationTests.Infrastructure;

/// <summary>A data folder of its own for one test app, and on PostgreSQL a database of its own with it (TestDatabase).</summary>
public static class TempFolder
{
    public static string Create()
    {
        var path = Path.Combine(Path.GetTempPath(), "heritage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        TestDatabase.Create(path);
        return path;
    }

    public static void Delete(string path)
    {
        TestDatabase.Drop(path);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
