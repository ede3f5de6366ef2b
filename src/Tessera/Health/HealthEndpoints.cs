// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.HttpResults;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Persistence;

namespace Tessera.Health;

/// <summary>
/// GET /health/alive  process is up (both listeners)
/// GET /health/ready  database reachable and migrated; 503 with a catalog error otherwise (both listeners)
/// GET /version       the running version (both listeners)
/// GET /admin/health/alive, /admin/health/ready, /admin/version   the same on the admin listener, where Kratos also serves them
/// </summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var both = endpoints.MapBothApis();
        both.MapGet("/health/alive", IsAlive);
        both.MapGet("/health/ready", IsReady);
        both.MapGet("/version", GetVersion);
        var admin = endpoints.MapOpenAdminApi();
        admin.MapGet("/admin/health/alive", IsAlive);
        admin.MapGet("/admin/health/ready", IsReady);
        admin.MapGet("/admin/version", GetVersion);
        return endpoints;
    }

    private static Ok<HealthStatusResponse> IsAlive() => TypedResults.Ok(new HealthStatusResponse("ok"));

    /// <summary>Answers within about a second whatever the database does (<see cref="DatabaseHealth"/>).</summary>
    private static async Task<Results<Ok<HealthStatusResponse>, ErrorResult>> IsReady(DatabaseHealth health)
    {
        var readiness = await health.CheckAsync();
        if (!readiness.Reachable)
        {
            return new ErrorResult(new TesseraError(ErrorCatalog.StorageUnavailable) { RetryAfterSeconds = DatabaseHealth.RetryAfterSeconds });
        }

        return readiness.PendingMigrations > 0
            ? new ErrorResult(new TesseraError(ErrorCatalog.StorageNotMigrated, Details: new Dictionary<string, object?> { ["pending_migrations"] = readiness.PendingMigrations }))
            : TypedResults.Ok(new HealthStatusResponse("ok"));
    }

    private static Ok<VersionResponse> GetVersion() => TypedResults.Ok(new VersionResponse(TesseraVersion.Current));
}
