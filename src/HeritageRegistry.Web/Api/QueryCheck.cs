using System.Globalization;
using HeritageRegistry.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HeritageRegistry.Api;

/// <summary>Which slice of a list a request asks for.</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public int Offset => (Page - 1) * PageSize;
}

/// <summary>
/// Checks a request's query parameters, collecting every mistake so one 400 problem names them all
/// (RFC 7807 with an "errors" member per parameter). Parameters arrive as text so that a malformed
/// number is a clear sentence here, not a binding failure.
/// </summary>
public sealed class QueryCheck
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public Paging Paging(string? page, string? pageSize) => new(
        Whole("page", page, 1, 1, int.MaxValue / Api.Paging.MaxPageSize, "a whole number from 1"),
        Whole("pageSize", pageSize, Api.Paging.DefaultPageSize, 1, Api.Paging.MaxPageSize, $"a whole number from 1 to {Api.Paging.MaxPageSize}"));

    /// <summary>A vocabulary code (case ignored), or null when the parameter is absent.</summary>
    public string? Term(string name, string? value, TermList terms)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (terms.Find(value) is { } term)
        {
            return term.Code;
        }
        Fail(name, $"'{value}' is not a {terms.Name.ToLowerInvariant()} code; use one of: {string.Join(", ", terms.Select(t => t.Code))}.");
        return null;
    }

    /// <summary>A calendar day written YYYY-MM-DD, or null when the parameter is absent.</summary>
    public DateOnly? Day(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        Fail(name, $"'{value}' is not a day; write it as YYYY-MM-DD, e.g. 2015-08-30.");
        return null;
    }

    public void Fail(string name, string message) =>
        _errors[name] = _errors.TryGetValue(name, out var earlier) ? [.. earlier, message] : [message];

    /// <summary>The 400 problem naming every bad parameter, or null when the query is sound.</summary>
    public ValidationProblem? Problem => _errors.Count == 0 ? null
        : TypedResults.ValidationProblem(_errors, title: "The query has bad parameters",
            detail: "Correct the parameters named in 'errors' and ask again.");

    /// <summary>The 400 problem when any parameter was bad; otherwise loads the page of rows and answers it with links.</summary>
    public async Task<Results<Ok<ApiPage<TItem>>, ValidationProblem>> AnswerAsync<TRow, TItem>(HttpContext context, Paging paging,
        Func<Task<(IReadOnlyList<TRow> Rows, int Total)>> load, Func<TRow, ApiLinks, TItem> item)
    {
        if (Problem is { } problem)
        {
            return problem;
        }
        var (rows, total) = await load();
        var links = new ApiLinks(context);
        return TypedResults.Ok(links.Page([.. rows.Select(row => item(row, links))], total, paging));
    }

    private int Whole(string name, string? value, int absent, int min, int max, string expected)
    {
        if (string.IsNullOrEmpty(value))
        {
            return absent;
        }
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }
        Fail(name, $"'{value}' is not {expected}.");
        return absent;
    }
}
