using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Hosting;

/// <summary>
/// A page answers GET and HEAD, and the methods it has handlers for. Razor Pages would otherwise run
/// a page with no handler for any other method: TRACE rendered the page with nothing loaded (a 500).
/// Such a request now gets 405 with an Allow header, or 400 when the page has handlers for the method
/// but the request names none of them.
/// </summary>
public sealed class PageMethods : IPageFilter
{
    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is not null || HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            return;
        }
        var handled = context.ActionDescriptor.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).ToHashSet();
        if (handled.Contains(method.ToUpperInvariant()))
        {
            context.Result = new BadRequestResult();
            return;
        }
        context.HttpContext.Response.Headers.Allow = string.Join(", ", new[] { HttpMethods.Get, HttpMethods.Head }.Union(handled));
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }

    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}

public static class PageMethodsSetup
{
    public static IServiceCollection AddPageMethods(this IServiceCollection services) =>
        services.Configure<RazorPagesOptions>(options => options.Conventions.ConfigureFilter(new PageMethods()));
}
