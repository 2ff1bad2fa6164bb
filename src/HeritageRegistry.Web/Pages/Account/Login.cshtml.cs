using System.ComponentModel.DataAnnotations;
using System.Globalization;
using HeritageRegistry.Accounts;
using HeritageRegistry.Hosting;
using HeritageRegistry.Validation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace HeritageRegistry.Pages.Account;

[EnableRateLimiting(AuthenticationSetup.LoginRateLimit)]
public sealed class LoginModel(CredentialChecker credentials, SessionStore sessions) : PageModel
{
    /// <summary>One message for every failure: it must not tell which logins exist.</summary>
    public const string FailureMessage = "That login and password did not match an active account. " +
        "After five failed tries, each further try from here must wait longer.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your login.")]
        [SingleLine(100)]
        public string Login { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [StringLength(1000)]
        public string Password { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return FormAgain(StatusCodes.Status400BadRequest);
        }
        var check = await credentials.CheckAsync(ClientAddress.Of(HttpContext), Input.Login.Trim(), Input.Password, cancellationToken);
        if (check.IsThrottled)
        {
            ModelState.AddModelError(string.Empty, check.WaitMessage);
            Response.Headers.RetryAfter = check.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return FormAgain(StatusCodes.Status429TooManyRequests);
        }
        if (check.User is not { } user)
        {
            ModelState.AddModelError(string.Empty, FailureMessage);
            return FormAgain(StatusCodes.Status401Unauthorized);
        }
        var session = await sessions.StartAsync(user.Id, AuthenticationSetup.SessionLifetime, cancellationToken);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthenticationSetup.PrincipalFor(user, session));
        // Only ever return to a page of this site.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "~/curate");
    }

    private PageResult FormAgain(int status)
    {
        Input.Password = "";
        Response.StatusCode = status;
        return Page();
    }
}
