// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Hosting.Pagination;
using Tessera.Hosting.QueryParameters;
using Tessera.Identities;
using Tessera.Permissions;
using Tessera.Persistence;
using Tessera.Projects.Overlays;

namespace Tessera.Sessions;

/// <summary>
/// Public API, for the session the request carries:
/// GET    /sessions/whoami   the session (401 session_inactive without one; ?include_relations=true adds its relation tuples)
/// GET    /sessions          the identity's other active sessions (Paginator: Link and X-Total-Count)
/// DELETE /sessions          revoke the other sessions
/// DELETE /sessions/{id}     revoke one other session
/// </summary>
internal static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapPublicApi();
        api.MapGet("/sessions/whoami", ToSession);
        api.MapGet("/sessions", ListMySessions);
        api.MapDelete("/sessions", DisableMyOtherSessions);
        api.MapDelete("/sessions/{id:guid}", DisableMySession);
        return endpoints;
    }

    private static async Task<IResult> ToSession(
        HttpContext context, SessionManager sessions, SessionResponder responder, WhoamiCache cache, LocalWrites writes,
        WhoamiDependencies deps, CancellationToken cancellationToken)
    {
        var answer = await WhoamiAsync(context, sessions, responder, cache, writes, deps, cancellationToken);

        // Kratos: ?tokenize_as names a template of session.whoami.tokenizer.templates, checked once the session is
        // known. Tessera has no tokenizer templates, so every name is unknown: a 400, not a session without the token.
        var template = context.Request.Query["tokenize_as"].ToString();
        return answer is WhoamiResult && template.Length > 0
            ? new ErrorResult(QueryParameterReader.Invalid("tokenize_as", "names no tokenizer template (`session.whoami.tokenizer.templates` has none)"))
            : answer;
    }

    private static async Task<IResult> WhoamiAsync(
        HttpContext context, SessionManager sessions, SessionResponder responder, WhoamiCache cache, LocalWrites writes,
        WhoamiDependencies deps, CancellationToken cancellationToken)
    {
        // Every protected request of every app calls this: a cached answer costs no database round trip.
        var token = sessions.TokenFrom(context.Request);
        var hash = SessionToken.IsPlausible(token) ? SessionToken.Hash(token!) : null;
        if (hash is not null && cache.TryGet(hash, out var cached))
        {
            return SubjectRelations.Requested(context.Request) ? await WithRelationsAsync(cached, true, deps, cancellationToken) : new WhoamiResult(cached, fromCache: true);
        }

        var version = writes.Version;
        var result = await sessions.FetchAsync(token, cancellationToken);
        if (!result.Succeeded)
        {
            return new ErrorResult(result.Error);
        }

        // session.whoami.required_aal: highest_available (seed row A4): an identity with a second factor needs an aal2 session.
        var identity = await deps.Identities.GetAsync(result.Value.IdentityId, cancellationToken);
        if (identity is null)
        {
            return new ErrorResult(ErrorCatalog.SessionInactive);
        }

        if (deps.Options.Value.WhoamiRequiredAal == RequiredAal.HighestAvailable && result.Value.Aal != AssuranceLevels.Aal2
            && !AssuranceLevels.Satisfies(result.Value, identity, deps.Options.Value.WhoamiRequiredAal))
        {
            return new ErrorResult(new TesseraError(ErrorCatalog.SessionAal2Required)
            {
                RedirectBrowserTo = deps.Urls.For("/self-service/login/browser?aal=aal2").AbsoluteUri,
            });
        }

        var response = await responder.ToResponseAsync(result.Value, identity, cancellationToken);
        var body = JsonSerializer.SerializeToUtf8Bytes(response, deps.Json.Value.SerializerOptions);
        cache.Set(hash!, result.Value, body, version);
        var entry = new WhoamiCacheEntry(result.Value.IdentityId, body);
        return SubjectRelations.Requested(context.Request) ? await WithRelationsAsync(entry, false, deps, cancellationToken) : new WhoamiResult(entry, fromCache: false);
    }

    // ?include_relations=true: the identity's relation tuples (Permissions) added to the session, never cached.
    private static async Task<IResult> WithRelationsAsync(WhoamiCacheEntry entry, bool fromCache, WhoamiDependencies deps, CancellationToken cancellationToken) =>
        new WhoamiResult(entry with { Body = await deps.Relations.AppendAsync(entry.Body, entry.IdentityId, cancellationToken) }, fromCache);

    private static async Task<Results<Ok<List<SessionResponse>>, ErrorResult>> ListMySessions(
        HttpContext context, SessionManager sessions, SessionStore store, SessionResponder responder, ProjectOptions<SessionOptions> options,
        CancellationToken cancellationToken)
    {
        var result = await sessions.FetchAsync(context.Request, cancellationToken);
        if (!result.Succeeded)
        {
            return new ErrorResult(result.Error);
        }

        if (!Paginator.Parse<CreatedAtPosition>(context.Request.Query).TryGetValue(out var paging, out var error))
        {
            return new ErrorResult(error);
        }

        var filter = SessionListQuery.For(paging, options.Value, identityId: result.Value.IdentityId, active: true, except: result.Value.Id);
        var page = await store.ListAsync(filter, cancellationToken);
        PageHeaders.Write(context, paging, page.Next, await store.CountAsync(filter, cancellationToken));
        return TypedResults.Ok(await responder.ToResponsesAsync(page.Items, SessionExpand.Everything, cancellationToken));
    }

    private static async Task<Results<Ok<RevokedSessionsResponse>, ErrorResult>> DisableMyOtherSessions(
        HttpContext context, SessionManager sessions, SessionStore store, SessionRevocations revocations, CancellationToken cancellationToken)
    {
        var result = await sessions.FetchAsync(context.Request, cancellationToken);
        if (!result.Succeeded)
        {
            return new ErrorResult(result.Error);
        }

        var count = await store.RevokeAllForIdentityAsync(result.Value.IdentityId, keep: result.Value.Id, cancellationToken);
        if (count > 0)
        {
            await revocations.NotifyAsync(result.Value.IdentityId, cancellationToken);
        }
        return TypedResults.Ok(new RevokedSessionsResponse(count));
    }

    private static async Task<Results<NoContent, ErrorResult>> DisableMySession(
        Guid id, HttpContext context, SessionManager sessions, SessionStore store, SessionRevocations revocations, CancellationToken cancellationToken)
    {
        var result = await sessions.FetchAsync(context.Request, cancellationToken);
        if (!result.Succeeded)
        {
            return new ErrorResult(result.Error);
        }

        if (id == result.Value.Id)
        {
            return new ErrorResult(ErrorCatalog.SessionIsCurrent);
        }

        // Kratos revokes "this identity's session with this id" and answers 204 whether or not there was one: another
        // identity's session id is left alone and answers exactly like an unknown one.
        var target = await store.FindByIdAsync(id, cancellationToken);
        if (target is not null && target.IdentityId == result.Value.IdentityId && await store.RevokeAsync(id, cancellationToken))
        {
            await revocations.NotifyAsync(target.IdentityId, cancellationToken);
        }

        return TypedResults.NoContent();
    }
}
