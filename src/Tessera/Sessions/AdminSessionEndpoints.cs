// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.HttpResults;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Hosting.Pagination;
using Tessera.Projects.Overlays;

namespace Tessera.Sessions;

/// <summary>
/// Admin API (lists page with the Paginator: Link and X-Total-Count):
/// GET    /admin/sessions                      every session (?active=, ?expand=identity|devices)
/// GET    /admin/sessions/{id}                 one session (?expand=identity|devices)
/// DELETE /admin/sessions/{id}                 revoke it
/// PATCH  /admin/sessions/{id}/extend          extend it by one lifespan
/// GET    /admin/identities/{id}/sessions      an identity's sessions (?active=true|false), identity and devices expanded
/// DELETE /admin/identities/{id}/sessions      delete them all
/// "Active" uses the caller's project's <c>session.idle_timeout</c> (a project key serves its project; see docs/projects.md).
/// </summary>
internal static class AdminSessionEndpoints
{
    public static IEndpointRouteBuilder MapAdminSessionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapAdminApi();
        admin.MapGet("/admin/sessions", ListSessions);
        admin.MapGet("/admin/sessions/{id:guid}", GetSession);
        admin.MapDelete("/admin/sessions/{id:guid}", DisableSession);
        admin.MapPatch("/admin/sessions/{id:guid}/extend", ExtendSession);
        admin.MapGet("/admin/identities/{id:guid}/sessions", ListIdentitySessions);
        admin.MapDelete("/admin/identities/{id:guid}/sessions", DeleteIdentitySessions);
        return endpoints;
    }

    private static async Task<Results<Ok<List<SessionResponse>>, ErrorResult>> ListSessions(
        HttpContext context, SessionStore store, SessionResponder responder, ProjectOptions<SessionOptions> options, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        if (!Paginator.Parse<CreatedAtPosition>(query).TryGetValue(out var paging, out var error)
            || !SessionExpandParser.Parse(query).TryGetValue(out var expand, out error)
            || !ActiveFilter.Parse(query).TryGetValue(out var active, out error))
        {
            return new ErrorResult(error);
        }

        var filter = SessionListQuery.For(paging, options.Value, active: active);
        var page = await store.ListAsync(filter, cancellationToken);
        PageHeaders.Write(context, paging, page.Next, await store.CountAsync(filter, cancellationToken));
        return TypedResults.Ok(await responder.ToResponsesAsync(page.Items, expand, cancellationToken));
    }

    private static async Task<Results<Ok<SessionResponse>, ErrorResult>> GetSession(
        Guid id, HttpContext context, SessionStore store, SessionResponder responder, CancellationToken cancellationToken)
    {
        if (!SessionExpandParser.Parse(context.Request.Query).TryGetValue(out var expand, out var error))
        {
            return new ErrorResult(error);
        }

        var session = await store.FindByIdAsync(id, cancellationToken);
        return session is null
            ? new ErrorResult(ErrorCatalog.SessionNotFound)
            : TypedResults.Ok((await responder.ToResponsesAsync([session], expand, cancellationToken))[0]);
    }

    private static async Task<Results<NoContent, ErrorResult>> DisableSession(
        Guid id, SessionStore store, SessionRevocations revocations, CancellationToken cancellationToken)
    {
        var session = await store.FindByIdAsync(id, cancellationToken);
        if (session is null || !await store.RevokeAsync(id, cancellationToken))
        {
            return new ErrorResult(ErrorCatalog.SessionNotFound);
        }

        await revocations.NotifyAsync(session.IdentityId, cancellationToken);
        return TypedResults.NoContent();
    }

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

    private static async Task<Results<Ok<List<SessionResponse>>, ErrorResult>> ListIdentitySessions(
        Guid id, HttpContext context, SessionStore store, SessionResponder responder, ProjectOptions<SessionOptions> options, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        if (!Paginator.Parse<CreatedAtPosition>(query).TryGetValue(out var paging, out var error)
            || !ActiveFilter.Parse(query).TryGetValue(out var active, out error))
        {
            return new ErrorResult(error);
        }

        var filter = SessionListQuery.For(paging, options.Value, identityId: id, active: active);
        var page = await store.ListAsync(filter, cancellationToken);
        PageHeaders.Write(context, paging, page.Next, await store.CountAsync(filter, cancellationToken));
        return TypedResults.Ok(await responder.ToResponsesAsync(page.Items, SessionExpand.Everything, cancellationToken));
    }

    private static async Task<NoContent> DeleteIdentitySessions(Guid id, SessionStore store, SessionRevocations revocations, CancellationToken cancellationToken)
    {
        await store.DeleteAllForIdentityAsync(id, cancellationToken);
        await revocations.NotifyAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }
}
