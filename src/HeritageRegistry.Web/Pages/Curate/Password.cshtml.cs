using System.ComponentModel.DataAnnotations;
using HeritageRegistry.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages.Curate;

/// <summary>
/// A signed-in user changes their own password. The new security stamp ends every other
/// session of the account; this one gets a fresh cookie and stays signed in.
/// </summary>
public sealed class PasswordModel(UserStore users, IPasswordHasher<AppUser> hasher) : PageModel
{
    public const string WrongCurrentPassword = "That is not your current password.";
    public const string Changed = "Your password has been changed. Any other sessions of your account have been signed out.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [StringLength(1000)]
        [DataType(DataType.Password)]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter a new password.")]
        [StringLength(1000, MinimumLength = UsersCommand.MinPasswordLength, ErrorMessage = "The new password must be at least {2} characters.")]
        [DataType(DataType.Password)]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Type the new password again.")]
        [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords differ. Type the same one twice.")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return FormAgain();
        }
        var user = await users.FindByIdAsync(User.UserId() ?? 0, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }
        // Not counted towards the sign-in lockout: whoever is here already holds a valid session.
        if (hasher.VerifyHashedPassword(user, user.PasswordHash, Input.CurrentPassword) == PasswordVerificationResult.Failed)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.CurrentPassword)}", WrongCurrentPassword);
            return FormAgain();
        }
        var updated = await users.SetPasswordAsync(user.Id, hasher.HashPassword(user, Input.NewPassword), cancellationToken);
        if (updated is null)
        {
            return NotFound();
        }
        // The stamp in this session's cookie is now stale; re-issue it so only the other sessions end.
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthenticationSetup.PrincipalFor(updated));
        Message = Changed;
        return RedirectToPage();
    }

    private PageResult FormAgain()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
