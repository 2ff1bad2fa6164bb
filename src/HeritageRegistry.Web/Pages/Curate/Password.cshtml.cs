using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using HeritageRegistry.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages.Curate;

/// <summary>
/// A signed-in user changes their own password. The new security stamp ends every other
/// session of the account; this one gets a fresh cookie and stays signed in. Guesses at the
/// current password are throttled per account, so a borrowed session cannot be used to find it.
/// </summary>
public sealed class PasswordModel(UserStore users, CredentialChecker credentials, IPasswordHasher<AppUser> hasher) : PageModel
{
    /// <summary>The throttle's source for this form: one for all sessions of an account, wherever they are.</summary>
    public const string GuessSource = "password-change";

    public const string WrongCurrentPassword = "That is not your current password.";
    public const string Changed = "Your password has been changed. Any other sessions of your account have been signed out.";
    private const string CurrentPasswordField = $"{nameof(Input)}.{nameof(InputModel.CurrentPassword)}";

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
        var check = await credentials.CheckAsync(GuessSource, user.Login, Input.CurrentPassword, cancellationToken);
        if (check.IsThrottled)
        {
            ModelState.AddModelError(CurrentPasswordField, check.WaitMessage);
            Response.Headers.RetryAfter = check.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return FormAgain(StatusCodes.Status429TooManyRequests);
        }
        if (check.User is null)
        {
            ModelState.AddModelError(CurrentPasswordField, WrongCurrentPassword);
            return FormAgain();
        }
        var updated = await users.SetPasswordAsync(user.Id, hasher.HashPassword(user, Input.NewPassword), cancellationToken);
        if (updated is null)
        {
            return NotFound();
        }
        // The stamp in this session's cookie is now stale; re-issue it so only the other sessions end.
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            AuthenticationSetup.PrincipalFor(updated, User.FindFirstValue(AuthenticationSetup.SessionClaim)!));
        Message = Changed;
        return RedirectToPage();
    }

    private PageResult FormAgain(int status = StatusCodes.Status400BadRequest)
    {
        Response.StatusCode = status;
        return Page();
    }
}
