namespace HeritageRegistry.Accounts;

/// <summary>The three roles, and the policies pages are protected by.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Editor = "editor";
    public const string Curator = "curator";

    public static readonly IReadOnlyList<string> All = [Admin, Editor, Curator];

    /// <summary>Curators draft and edit the record; editors also review and publish; admins may do everything.</summary>
    public const string CuratorPolicy = "curator";
    public const string EditorPolicy = "editor";
    public const string AdminPolicy = "admin";

    /// <summary>The roles each policy admits, each wider role including the narrower.</summary>
    public static readonly IReadOnlyList<string> Curators = [Curator, Editor, Admin];
    public static readonly IReadOnlyList<string> Editors = [Editor, Admin];
}
