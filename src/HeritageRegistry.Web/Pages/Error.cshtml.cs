using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    /// <summary>Quoted to the reader so an operator can find the failure in the log; no details leak.</summary>
    public string RequestId { get; private set; } = "";

    public IActionResult OnGet()
    {
        // Only the exception handler shows this page; asked for directly, there is nothing here.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is null)
        {
            return NotFound();
        }
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        return Page();
    }

    public IActionResult OnPost() => OnGet();
}
