// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tessera.Hosting;

namespace Tessera.Errors.Containers;

/// <summary>
/// GET /self-service/errors?id=         getFlowError: a stored user-facing error, or a stub (both listeners)
/// GET /admin/self-service/errors?id=   307 to the public one, query kept (as Kratos)
/// </summary>
internal static class ErrorContainerEndpoints
{
    public static IEndpointRouteBuilder MapErrorContainerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapBothApis().MapGet("/self-service/errors", GetFlowError);
        endpoints.MapOpenAdminApi().MapGet("/admin/self-service/errors", RedirectToPublicErrors);
        return endpoints;
    }

    private static RedirectHttpResult RedirectToPublicErrors(HttpRequest request, PublicUrls urls) =>
        TypedResults.Redirect(urls.For("/self-service/errors" + request.QueryString.ToUriComponent()).AbsoluteUri, permanent: false, preserveMethod: true);

    private static async Task<Results<Ok<ErrorContainerResponse>, ErrorResult>> GetFlowError(
        [FromQuery] string? id, HttpContext context, ErrorContainerReader reader, CancellationToken cancellationToken)
    {
        var result = await reader.ReadAsync(context, id, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result.Value) : new ErrorResult(result.Error);
    }
}
