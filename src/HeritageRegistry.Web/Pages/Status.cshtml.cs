using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages;

/// <summary>Friendly pages for 4xx/5xx statuses, re-executed by the status-code middleware.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public IActionResult OnGet(int code)
    {
        // Reached directly (/status/404) rather than re-executed: there is no such page.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            return NotFound();
        }
        Code = code;
        return Page();
    }

    public IActionResult OnPost(int code) => OnGet(code);
}
