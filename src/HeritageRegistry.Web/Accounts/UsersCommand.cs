using HeritageRegistry.Data;
using HeritageRegistry.Data.Migrations;
using Microsoft.AspNetCore.Identity;

namespace HeritageRegistry.Accounts;

/// <summary>
/// <c>dotnet run -- users add LOGIN --role admin|editor|curator [--name "Display Name"]</c>. The password is
/// read from HERITAGE_PASSWORD or typed at a hidden prompt: there is no default password anywhere.
/// </summary>
public static class UsersCommand
{
    public const int MinPasswordLength = 12;

    public static bool IsInvocation(string[] args) => args.Length > 0 && args[0] == "users";

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error)
    {
        if (args is not ["users", "add", var login, .. var options] || Option(options, "--role") is not { } role || !Roles.All.Contains(role))
        {
            await error.WriteLineAsync("Usage: users add LOGIN --role admin|editor|curator [--name \"Display Name\"]\n" +
                "The password is read from HERITAGE_PASSWORD, or asked for.");
            return 2;
        }
        var password = Environment.GetEnvironmentVariable("HERITAGE_PASSWORD") ?? ReadHidden(output, "Password: ");
        if (password is null || password.Length < MinPasswordLength)
        {
            await error.WriteLineAsync($"The password must be at least {MinPasswordLength} characters.");
            return 2;
        }

        var database = services.GetRequiredService<Database>();
        await services.GetRequiredService<MigrationRunner>().ApplyAsync(Migration.LoadEmbedded(database.Dialect.Provider), CancellationToken.None);
        var hash = services.GetRequiredService<IPasswordHasher<AppUser>>().HashPassword(new AppUser(), password);
        var name = Option(options, "--name") ?? login;
        if (!await services.GetRequiredService<UserStore>().AddAsync(login, name, role, hash, CancellationToken.None))
        {
            await error.WriteLineAsync($"A user with the login '{login}' already exists.");
            return 1;
        }
        await output.WriteLineAsync($"Added {role} '{login}'. Sign in at /account/login.");
        return 0;
    }

    private static string? Option(string[] options, string name)
    {
        var index = Array.IndexOf(options, name);
        return index >= 0 && index + 1 < options.Length ? options[index + 1] : null;
    }

    private static string? ReadHidden(TextWriter output, string prompt)
    {
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine();
        }
        output.Write(prompt);
        var password = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
        output.WriteLine();
        return password.ToString();
    }
}
