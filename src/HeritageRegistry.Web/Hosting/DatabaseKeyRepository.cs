using System.Xml.Linq;
using Dapper;
using HeritageRegistry.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace HeritageRegistry.Hosting;

/// <summary>
/// Data-protection keys in the PostgreSQL database (table data_protection_key, migration 0010), so every web node of
/// one registry signs and reads cookies and antiforgery tokens with the same keys. Data protection asks for keys
/// synchronously and rarely (at start and when its cached key ring expires, daily), so these calls block on a short
/// query. Later keys are made days before they are used, so every node has read them first; only two nodes starting
/// together on an empty table may each make a first key: ASP.NET Core reloads the ring when it meets an unknown key in
/// its first two minutes, later only at the daily reload. The keys are stored as data protection writes them, unencrypted:
/// whoever can read this table can forge a sign-in, as with the keys folder on SQLite.
/// </summary>
public sealed class DatabaseKeyRepository(string connectionString) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = new NpgsqlConnection(connectionString);
        return [.. connection.Query<string>("SELECT xml FROM data_protection_key ORDER BY id").Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Execute("INSERT INTO data_protection_key (friendly_name, xml, created_at) VALUES (@friendlyName, @xml, @createdAt)",
            new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting), createdAt = Clock.NowText() });
    }
}
