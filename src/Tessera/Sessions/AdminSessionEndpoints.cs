// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.HttpResults;
using Tessera.Errors;
using Tessera.Hosting;

namespace Tessera.Sessions;

/// <summary>
/// Admin API:
/// GET    /admin/sessions/{id}                 one session
/// DELETE /admin/sessions/{id}                 revoke it
/// PATCH  /admin/sessions/{id}/extend          extend it by one lifespan
/// GET    /admin/identities/{id}/sessions      an identity's sessions (?active=true|false)
/// DELETE /admin/identities/{id}/sessions      delete them all
/// </summary>
internal static class AdminSessionEndpoints
{
    private const int MaxListed = 1000;

    public static IEndpointRouteBuilder MapAdminSessionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapAdminApi();
        admin.MapGet("/admin/sessions/{id:guid}", GetSession);
        admin.MapDelete("/admin/sessions/{id:guid}", DisableSession);
        admin.MapPatch("/admin/sessions/{id:guid}/extend", ExtendSession);
        admin.MapGet("/admin/identities/{id:guid}/sessions", ListIdentitySessions);
        admin.MapDelete("/admin/identities/{id:guid}/sessions", DeleteIdentitySessions);
        return endpoints;
    }

    private static async Task<Results<Ok<SessionResponse>, ErrorResult>> GetSession(
        Guid id, SessionStore store, SessionResponder responder, CancellationToken cancellationToken)
    {
        var session = await store.FindByIdAsync(id, cancellationToken);
        return session is null
            ? new ErrorResult(ErrorCatalog.SessionNotFound)
            : TypedResults.Ok(await responder.ToResponseAsync(session, cancellationToken));
    }

    private static async Task<Results<NoContent, ErrorResult>> DisableSession(Guid id, SessionStore store, CancellationToken cancellationToken) =>
        await store.RevokeAsync(id, cancellationToken) ? TypedResults.NoContent() : new ErrorResult(ErrorCatalog.SessionNotFound);

    private static async Task<Results<Ok<SessionResponse>, ErrorResult>> ExtendSession(
        Guid id, SessionStore store, SessionManager sessions, SessionResponder responder, CancellationToken cancellationToken)
    {
        var session = await store.FindByIdAsync(id, cancellationToken);
        if (session is null)
        {
            return new ErrorResult(ErrorCatalog.SessionNotFound);
        }

        await sessions.ExtendAsync(session, cancellationToken);
        var extended = await store.FindByIdAsync(id, cancellationToken);
        return TypedResults.Ok(await responder.ToResponseAsync(extended!, cancellationToken));
    }

    private static async Task<Ok<List<SessionResponse>>> ListIdentitySessions(
        Guid id, bool? active, SessionStore store, SessionResponder responder, CancellationToken cancellationToken)
    {
        var list = new List<SessionResponse>();
        foreach (var session in await store.ListForIdentityAsync(id, active, MaxListed, cancellationToken))
        {
            list.Add(await responder.ToResponseAsync(session, cancellationToken));
        }

        return TypedResults.Ok(list);
    }

    private static async Task<NoContent> DeleteIdentitySessions(Guid id, SessionStore store, CancellationToken cancellationToken)
    {
        await store.DeleteAllForIdentityAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }
}
