using System.ComponentModel.DataAnnotations;
using HeritageRegistry.Accounts;
using HeritageRegistry.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages.Admin;

/// <summary>Admins add users, set their role and disable or enable them. Every change ends the user's open sessions.</summary>
public sealed class UsersModel(UserStore users, IPasswordHasher<AppUser> hasher) : PageModel
{
    public const string LoginTaken = "That login is already taken. Choose another.";
    public const string NotYourself = "You cannot disable your own account or remove your own admin role. Ask another admin.";
    public const string LastAdmin = "The registry needs at least one enabled admin: make someone else an admin first.";

    /// <summary>
    /// The add form. Bound by its own handler rather than with [BindProperty], so posts from the
    /// per-user buttons are not validated against an empty add form.
    /// </summary>
    public InputModel Input { get; private set; } = new();

    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    public long CurrentUserId => User.UserId() ?? 0;

    /// <summary>Why a change to one user's row was refused, shown in that row.</summary>
    public (long UserId, string Message)? Refusal { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a login.")]
        [SingleLine(100)]
        [RegularExpression(@"^\S+$", ErrorMessage = "A login has no spaces.")]
        public string Login { get; set; } = "";

        [Required(ErrorMessage = "Enter the name to show for this user.")]
        [SingleLine(200)]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Choose a role.")]
        [AllowedValues(Roles.Curator, Roles.Editor, Roles.Admin, ErrorMessage = "Choose a role: curator, editor or admin.")]
        public string Role { get; set; } = Roles.Curator;

        [Required(ErrorMessage = "Enter an initial password.")]
        [StringLength(1000, MinimumLength = UsersCommand.MinPasswordLength, ErrorMessage = "The password must be at least {2} characters.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Users = await users.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync([Bind(Prefix = nameof(Input))] InputModel input, CancellationToken cancellationToken)
    {
        Input = input;
        if (!ModelState.IsValid)
        {
            return await FormAgainAsync(cancellationToken);
        }
        var login = input.Login.Trim();
        var hash = hasher.HashPassword(new AppUser(), input.Password);
        if (!await users.AddAsync(login, input.DisplayName.Trim(), input.Role, hash, cancellationToken))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.Login)}", LoginTaken);
            return await FormAgainAsync(cancellationToken);
        }
        Message = $"Added {input.Role} '{login}'. They can sign in now and should change the password at /curate/password.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSetRoleAsync(long id, string? role, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid || role is null || !Roles.All.Contains(role))
        {
            return await RefuseAsync(id, "Choose a role: curator, editor or admin.", cancellationToken);
        }
        if (role == user.Role)
        {
            Message = $"'{user.Login}' is already {role}; nothing changed.";
            return RedirectToPage();
        }
        if (id == CurrentUserId)
        {
            return await RefuseAsync(id, NotYourself, cancellationToken);
        }
        if (!await users.SetRoleAsync(id, role, cancellationToken))
        {
            return await RefuseAsync(id, LastAdmin, cancellationToken);
        }
        Message = $"'{user.Login}' is now {role}. Their open sessions have ended; they sign in again to use the new role.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSetDisabledAsync(long id, bool disabled, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return await RefuseAsync(id, "Use the Disable or Enable button of the user's row.", cancellationToken);
        }
        if (disabled && id == CurrentUserId)
        {
            return await RefuseAsync(id, NotYourself, cancellationToken);
        }
        if (!await users.SetDisabledAsync(id, disabled, cancellationToken))
        {
            return await RefuseAsync(id, LastAdmin, cancellationToken);
        }
        Message = disabled
            ? $"'{user.Login}' is disabled and their open sessions have ended."
            : $"'{user.Login}' is enabled and can sign in again.";
        return RedirectToPage();
    }

    private async Task<PageResult> RefuseAsync(long id, string message, CancellationToken cancellationToken)
    {
        Refusal = (id, message);
        return await FormAgainAsync(cancellationToken);
    }

    private async Task<PageResult> FormAgainAsync(CancellationToken cancellationToken)
    {
        Users = await users.ListAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
