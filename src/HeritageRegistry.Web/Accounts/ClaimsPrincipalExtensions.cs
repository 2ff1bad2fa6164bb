using System.Globalization;
using System.Security.Claims;

namespace HeritageRegistry.Accounts;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's id, recorded on every revision they make.</summary>
    public static long? UserId(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static bool IsCurator(this ClaimsPrincipal user) => Roles.Curators.Any(user.IsInRole);

    public static bool IsEditor(this ClaimsPrincipal user) => Roles.Editors.Any(user.IsInRole);
}
