using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Accounts;

/// <summary>The first admin is made by a command, never a default password.</summary>
public sealed class UsersCommandTests : IDisposable
{
    private readonly string _folder = TempFolder.Create();

    public void Dispose() => TempFolder.Delete(_folder);

    [Fact]
    public async Task The_users_command_adds_an_admin_who_can_then_sign_in()
    {
        var run = await AppProcess.RunAsync(_folder, TimeSpan.FromSeconds(60), ["users", "add", "first-admin", "--role", "admin", "--name", "First Admin"],
            new Dictionary<string, string> { ["HERITAGE_PASSWORD"] = AccountFixture.Password });

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Added admin 'first-admin'", run.StandardOutput);
        using var factory = new RegistryFactory(_folder);
        using var client = factory.Browser();
        var signIn = await client.SignInAsync("first-admin");
        Assert.Equal("/curate", signIn.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("short", "at least 12 characters")]
    [InlineData("", "at least 12 characters")]
    public async Task The_users_command_refuses_a_short_password(string password, string message)
    {
        var run = await AppProcess.RunAsync(_folder, TimeSpan.FromSeconds(60), ["users", "add", "someone", "--role", "admin"],
            new Dictionary<string, string> { ["HERITAGE_PASSWORD"] = password });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.StandardError);
    }

    [Fact]
    public async Task The_users_command_explains_itself_when_the_role_is_missing()
    {
        var run = await AppProcess.RunAsync(_folder, TimeSpan.FromSeconds(60), ["users", "add", "someone"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Usage: users add LOGIN --role admin|editor|curator", run.StandardError);
    }
}
