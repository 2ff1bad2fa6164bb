using System.Net;
using Dapper;
using HeritageRegistry.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Pages;

public sealed class ErrorPageTests : IDisposable
{
    private readonly RegistryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_failure_inside_the_app_shows_the_friendly_error_page_and_no_stack_trace()
    {
        using var client = _factory.CreateClient();
        await using (var connection = await _factory.Services.GetRequiredService<Data.Database>().OpenAsync())
        {
            // Break the database under the running app, as a full disk or a bad deploy would.
            await connection.ExecuteAsync("ALTER TABLE source RENAME TO source_gone");
        }

        var response = await client.GetAsync("/sources");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Something went wrong", page.QuerySelector("h1")!.TextContent.Trim());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("SqliteException", html);
        Assert.DoesNotContain("source_gone", html);
    }
}
