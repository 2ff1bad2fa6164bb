using System.Xml.Linq;
using Dapper;
using HeritageRegistry.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace HeritageRegistry.Hosting;

/// <summary>
/// Data-protection keys in the PostgreSQL database (table data_protection_key, migration 0010), so every web node of
/// one registry signs and reads cookies and antiforgery tokens with the same keys. Data protection asks for keys
/// synchronously and rarely (at start and when its cached key ring expires), so these calls block on a short query.
/// A node that meets a key it has not loaded yet (one another node just made) reloads the ring and finds it here.
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
