using Microsoft.AspNetCore.Http.HttpResults;

namespace HeritageRegistry.Api;

public static class ApiProblems
{
    /// <summary>An unknown slug or reference: a 404 problem (application/problem+json) saying what was not found.</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);
}
