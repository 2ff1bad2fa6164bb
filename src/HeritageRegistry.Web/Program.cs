using HeritageRegistry.Accounts;
using HeritageRegistry.Api;
using HeritageRegistry.Backups;
using HeritageRegistry.Citations;
using HeritageRegistry.Copy;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Migrations;
using HeritageRegistry.Validation;
using HeritageRegistry.Hosting;
using HeritageRegistry.Hosting.Health;
using HeritageRegistry.Localization;
using HeritageRegistry.Maps;
using HeritageRegistry.Photos;
using HeritageRegistry.Pickers;
using HeritageRegistry.Search;
using HeritageRegistry.Seed;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // Settings and the site's static files (wwwroot at the repository root) are copied
    // beside the binaries at build, so the app finds them wherever it is started from.
    ContentRootPath = AppContext.BaseDirectory,
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});

builder.UseDefaultAddressUnlessGiven();
// No Server header: it tells an attacker which server to look up weaknesses for, and nobody else needs it.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.Services.AddOptions<RegistryOptions>().Bind(builder.Configuration.GetSection(RegistryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddForwardedProxies();
builder.Services.AddSecurityHeaders();
builder.Services.AddRegistryHealth();
builder.Services.AddSingleton<Database>();
builder.Services.AddSingleton<MigrationRunner>();
builder.Services.AddSingleton(SeedFiles.Embedded());
builder.Services.AddSingleton<PalmyraSeeder>();
builder.Services.AddSingleton<SeedSteps>();
builder.Services.AddHostedService<DatabaseInitializer>();
builder.Services.AddHostedService<SearchDocsWarmup>();
builder.Services.AddPersistentDataProtection();
builder.Services.AddRegistryStores();
builder.Services.AddRegistryAccounts();
builder.Services.AddRequestRateLimits();
builder.Services.AddPageMethods();
builder.Services.AddPublicPageCaching();
builder.Services.AddNodeNotifications(builder.Configuration);
builder.Services.AddPhotos(builder.Configuration);
builder.Services.AddOpenData();
builder.Services.AddMap(builder.Configuration);
builder.Services.AddFormBinding();
builder.Services.AddPickers();
builder.Services.AddLanguages();

var app = builder.Build();

if (BackupCommand.IsInvocation(args))
{
    return await BackupCommand.RunAsync(args, app.Services, Console.Out, Console.Error);
}
if (CopyDataCommand.IsInvocation(args))
{
    return await CopyDataCommand.RunAsync(args, app.Services, Console.Out, Console.Error);
}
if (UsersCommand.IsInvocation(args))
{
    return await UsersCommand.RunAsync(args, app.Services, Console.Out, Console.Error);
}

// First, so everything after sees the real client address and scheme behind a configured proxy.
app.UseForwardedHeaders();
// Next, so that every page after it, error pages included, knows its language from its address.
app.UseLanguages();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
}
app.UseStatusCodePagesWithReExecute("/status/{0}");
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
app.UseCors();
app.UseCanonicalAddresses();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseOutputCache();
app.MapRazorPages();
app.MapRegistryHealth();
app.MapPhotoFiles();
app.MapPickers();
app.MapBibliography();
app.MapOpenData();
app.MapSearchExport();
app.MapSearchBibliography();

try
{
    await app.RunAsync();
}
catch (Exception ex) when (ex is MigrationChangedException or DatabaseDamagedException or OptionsValidationException)
{
    // A clear sentence, not a stack trace: the operator must restore the migration file or the database, or mend a setting.
    var reason = ex is OptionsValidationException invalid ? string.Join(" ", invalid.Failures) : ex.Message;
    await Console.Error.WriteLineAsync($"HeritageRegistry cannot start: {reason}");
    return 1;
}
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
