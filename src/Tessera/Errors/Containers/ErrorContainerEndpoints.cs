// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tessera.Hosting;

namespace Tessera.Errors.Containers;

/// <summary>
/// GET /self-service/errors?id=   getFlowError: a stored user-facing error, or a stub (both listeners)
/// </summary>
internal static class ErrorContainerEndpoints
{
    public static IEndpointRouteBuilder MapErrorContainerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapBothApis().MapGet("/self-service/errors", GetFlowError);
        return endpoints;
    }

    private static async Task<Results<Ok<ErrorContainerResponse>, ErrorResult>> GetFlowError(
        [FromQuery] string? id, HttpContext context, ErrorContainerReader reader, CancellationToken cancellationToken)
    {
        var result = await reader.ReadAsync(context, id, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result.Value) : new ErrorResult(result.Error);
    }
}
