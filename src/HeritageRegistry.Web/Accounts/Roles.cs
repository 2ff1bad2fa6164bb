namespace HeritageRegistry.Accounts;

/// <summary>The two roles, and the policies pages are protected by.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Curator = "curator";

    public static readonly IReadOnlyList<string> All = [Admin, Curator];

    /// <summary>Curators keep the record; admins may do everything curators do.</summary>
    public const string CuratorPolicy = "curator";
    public const string AdminPolicy = "admin";
}
