namespace HeritageRegistry.IntegrationTests.Infrastructure;

/// <summary>One seeded app shared by the read-only page tests of a class (they change nothing).</summary>
public sealed class SeededRegistry : IDisposable
{
    public RegistryFactory Factory { get; } = new();

    public HttpClient CreateClient() => Factory.CreateClient(new() { AllowAutoRedirect = false });

    public void Dispose() => Factory.Dispose();
}
