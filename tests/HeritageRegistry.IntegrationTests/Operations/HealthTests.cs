using System.Net;
using System.Text.Json;
using Dapper;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Operations;

/// <summary>GET /health: the database, its migrations and the data folder's free space, as JSON for a monitor.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task A_healthy_registry_answers_200_with_the_database_migrations_and_free_space_and_no_cache()
    {
        using var factory = new RegistryFactory();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.NoStore);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var database = json.RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal("Healthy", database.GetProperty("status").GetString());
        Assert.Equal(database.GetProperty("data").GetProperty("migrationsExpected").GetInt32(), database.GetProperty("data").GetProperty("migrationsApplied").GetInt32());
        var disk = json.RootElement.GetProperty("checks").GetProperty("disk");
        Assert.Equal("Healthy", disk.GetProperty("status").GetString());
        Assert.True(disk.GetProperty("data").GetProperty("freeBytes").GetInt64() > 0);
        Assert.DoesNotContain("Data Source", json.RootElement.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_data_folder_with_less_free_space_than_the_threshold_answers_503()
    {
        using var factory = new RegistryFactory { HealthMinimumFreeBytes = long.MaxValue };
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("checks").GetProperty("disk").GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_migration_whose_recorded_checksum_differs_from_the_build_answers_503_naming_it()
    {
        using var factory = new RegistryFactory();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        await using (var connection = await factory.OpenDatabaseAsync())
        {
            await connection.ExecuteAsync("UPDATE schema_migration SET checksum = 'edited' WHERE name = (SELECT min(name) FROM schema_migration)");
        }

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var changed = json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("data").GetProperty("migrationsChanged");
        Assert.Single(changed.EnumerateArray());
    }
}
