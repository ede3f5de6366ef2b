// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Tessera.Configuration;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Hosting.RequestBodies;
using Tessera.RateLimiting;
using Tessera.Security.ApiKeys;

namespace Tessera.Projects.Workspaces;

/// <summary>
/// Admin API, a workspace's aggregate rate limits (seed row F1):
/// PATCH  /admin/workspaces/{id}   {"rate_limits": {"buckets": {"&lt;name&gt;": {"limit": N, "window": "1m"}}}}: 200 the
///                                 workspace; <c>"rate_limits": null</c> removes them. Validated as the file's
///                                 <c>rate_limits.buckets</c> are (400 naming the key path; nothing stored then).
/// Every node applies them within <see cref="WorkspaceLimitCache"/>'s bound (5 s), this one at once. An admin key
/// only: the limits are the operator's, and a workspace's own key must not lift them.
/// </summary>
internal static class WorkspaceLimitEndpoints
{
    public static IEndpointRouteBuilder MapWorkspaceLimitEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDeploymentAdminApi().MapPatch("/admin/workspaces/{id:guid}", UpdateWorkspace);
        return endpoints;
    }

    private static async Task<Results<Ok<Workspace>, ErrorResult>> UpdateWorkspace(
        Guid id, HttpRequest request, WorkspaceStore workspaces, WorkspaceLimitCache limits, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await RequestBodyReader.ReadObjectAsync(request, allowForm: false, cancellationToken);
        if (!body.Succeeded)
        {
            return new ErrorResult(body.Error);
        }

        if (!body.Value.TryGetPropertyValue("rate_limits", out var value) || value is not (null or JsonObject))
        {
            return new ErrorResult(Invalid("rate_limits must be an object (or null to remove the workspace's limits)"));
        }

        var rateLimits = value as JsonObject;
        if (rateLimits is not null)
        {
            try
            {
                RateLimitOptions.BindWorkspace(rateLimits);
            }
            catch (ConfigurationException e)
            {
                return new ErrorResult(Invalid(e.Message));
            }
        }

        if (!await workspaces.SetRateLimitsAsync(id, rateLimits, clock.GetUtcNow(), cancellationToken))
        {
            return new ErrorResult(ErrorCatalog.WorkspaceNotFound.With(new Dictionary<string, object?> { ["id"] = id }));
        }

        limits.Forget();
        return await workspaces.FindAsync(id, cancellationToken) is { } workspace
            ? TypedResults.Ok(workspace)
            : new ErrorResult(ErrorCatalog.WorkspaceNotFound.With(new Dictionary<string, object?> { ["id"] = id }));
    }

    private static TesseraError Invalid(string problem) =>
        ErrorCatalog.WorkspaceRequestInvalid.With(new Dictionary<string, object?> { ["problem"] = problem });
}
