// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Hosting.RequestBodies;
using Tessera.Security.ApiKeys;

namespace Tessera.Projects.Overlays;

/// <summary>
/// Admin API, a project's configuration overlay (an admin key, the project's workspace key or its own key):
/// GET   /admin/projects/{id}/config   the overlay as stored, secrets redacted {project_id, version, overlay, warnings}; ETag: "version"
/// PATCH /admin/projects/{id}/config   an RFC 7396 merge patch (null removes a key), validated as the file is; the new
///                                     overlay, or 400 project_config_invalid naming the key; If-Match: "version" ->
///                                     412 project_config_version_mismatch when another change came first
/// Every node applies a change within <see cref="ProjectOverlayRefresher.Bound"/> (5 s), this one at once. A patch that
/// touches <c>rate_limits</c> needs an admin key: the limits are the operator's, not the tenant's.
/// </summary>
internal static class ProjectConfigEndpoints
{
    public static IEndpointRouteBuilder MapProjectConfigEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapProjectSettingsAdminApi();
        admin.MapGet("/admin/projects/{id:guid}/config", GetProjectConfig);
        admin.MapPatch("/admin/projects/{id:guid}/config", PatchProjectConfig);
        return endpoints;
    }

    private static async Task<Results<Ok<ProjectConfigResponse>, ErrorResult>> GetProjectConfig(
        Guid id, HttpContext context, ProjectStore projects, ProjectOverlayStore overlays, CancellationToken cancellationToken)
    {
        if (await projects.FindAsync(id, cancellationToken) is null)
        {
            return ProjectEndpoints.NotFound(id);
        }

        var overlay = await overlays.GetAsync(id, cancellationToken);
        context.Response.Headers.ETag = ETag(overlay.Version);
        return TypedResults.Ok(new ProjectConfigResponse(id, overlay.Version, ProjectOverlaySecrets.Redact(overlay.Values), []));
    }

    private static async Task<Results<Ok<ProjectConfigResponse>, ErrorResult>> PatchProjectConfig(
        Guid id, HttpContext context, ProjectStore projects, ProjectOverlayChange change, CancellationToken cancellationToken)
    {
        if (await projects.FindAsync(id, cancellationToken) is null)
        {
            return ProjectEndpoints.NotFound(id);
        }

        var expected = ExpectedVersion(context.Request);
        if (!expected.Succeeded)
        {
            return new ErrorResult(expected.Error);
        }

        var body = await RequestBodyReader.ReadObjectAsync(context.Request, allowForm: false, cancellationToken);
        if (!body.Succeeded)
        {
            return new ErrorResult(body.Error);
        }

        if (body.Value.ContainsKey("rate_limits") && AdminCaller.Of(context).Key is { } key && ApiKeyKind.Named(key.Kind) is { } kind && kind != ApiKeyKind.Admin)
        {
            // Limits are the operator's: a project's or a workspace's own key must not lift them.
            return new ErrorResult(AdminAccessPolicy.WrongKind(ApiKeyKind.Admin, kind));
        }

        var result = await change.ApplyAsync(id, body.Value, expected.Value, cancellationToken);
        if (!result.Succeeded)
        {
            return new ErrorResult(result.Error);
        }

        context.Response.Headers.ETag = ETag(result.Value.Version);
        return TypedResults.Ok(result.Value);
    }

    private static string ETag(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    private static Result<long?> ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (header.Length == 0)
        {
            return (long?)null;
        }

        var text = header.Trim();
        text = text.StartsWith("W/", StringComparison.Ordinal) ? text[2..] : text;
        return long.TryParse(text.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : ProjectRules.Invalid("If-Match must be the overlay version of a GET's ETag, such as \"3\"");
    }
}
