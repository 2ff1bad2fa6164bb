using System.Net;
using Dapper;
using HeritageRegistry.Accounts;
using HeritageRegistry.IntegrationTests.Accounts;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Operations;

/// <summary>The keys that sign cookies live in the data folder (on PostgreSQL in the database, which every web node
/// shares: Nodes/TwoNodeTests), so a sign-in outlives the process.</summary>
public sealed class DataProtectionKeysTests
{
    [Fact]
    public async Task A_curator_signed_in_before_a_restart_on_the_same_data_folder_is_still_signed_in_after_it()
    {
        var folder = TempFolder.Create();
        try
        {
            string cookie;
            using (var first = new RegistryFactory(folder))
            {
                var login = await first.AddUserAsync(Roles.Curator);
                using var client = first.CreateClient(new() { AllowAutoRedirect = false });
                var signIn = await client.SignInAsync(login);
                cookie = signIn.Headers.GetValues("Set-Cookie").Single(header => header.StartsWith("heritage.auth=", StringComparison.Ordinal)).Split(';')[0];
            }
            if (TestDatabase.IsPostgreSql)
            {
                await using var database = await TestDatabase.OpenAsync(folder);
                Assert.True(await database.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM data_protection_key") > 0);
                Assert.False(Directory.Exists(Path.Combine(folder, "keys")), "on PostgreSQL no node keeps keys of its own");
            }
            else
            {
                Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, "keys"), "key-*.xml"));
            }

            using var second = new RegistryFactory(folder);
            using var restarted = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
            using var request = new HttpRequestMessage(HttpMethod.Get, "/curate") { Headers = { { "Cookie", cookie } } };
            var response = await restarted.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }
}
