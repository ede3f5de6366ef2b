// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.HttpResults;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Identities;

namespace Tessera.Sessions;

/// <summary>
/// Public API, for the session the request carries:
/// GET    /sessions/whoami   the session (401 session_inactive without one)
/// GET    /sessions          the identity's other active sessions
/// DELETE /sessions          revoke the other sessions
/// DELETE /sessions/{id}     revoke one other session
/// </summary>
internal static class SessionEndpoints
{
    public const string IdentityIdHeader = "X-Kratos-Authenticated-Identity-Id";
    private const int MaxListed = 250;

    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapPublicApi();
        api.MapGet("/sessions/whoami", ToSession);
        api.MapGet("/sessions", ListMySessions);
        api.MapDelete("/sessions", DisableMyOtherSessions);
        api.MapDelete("/sessions/{id:guid}", DisableMySession);
        return endpoints;
    }

    private static async Task<Results<Ok<SessionResponse>, ErrorResult>> ToSession(
        HttpContext context, SessionManager sessions, SessionResponder responder, SessionOptions options, IdentityStore identities, PublicUrls urls,
        CancellationToken cancellationToken)
    {
        var result = await sessions.FetchAsync(context.Request, cancellationToken);
        if (!result.Succeeded)
        {
            return new ErrorResult(result.Error);
        }

        // session.whoami.required_aal: highest_available (seed row A4): an identity with a second factor needs an aal2 session.
        if (options.WhoamiRequiredAal == RequiredAal.HighestAvailable && result.Value.Aal != AssuranceLevels.Aal2
            && await identities.GetAsync(result.Value.IdentityId, cancellationToken) is { } identity
            && !AssuranceLevels.Satisfies(result.Value, identity, options.WhoamiRequiredAal))
        {
            return new ErrorResult(new TesseraError(ErrorCatalog.SessionAal2Required)
            {
                RedirectBrowserTo = urls.For("/self-service/login/browser?aal=aal2").AbsoluteUri,
            });
        }

        context.Response.Headers[IdentityIdHeader] = result.Value.IdentityId.ToString();
        return TypedResults.Ok(await responder.ToResponseAsync(result.Value, cancellationToken));
    }

    private static async Task<Results<Ok<List<SessionResponse>>, ErrorResult>> ListMySessions(
        HttpContext context, SessionManager sessions, SessionStore store, SessionResponder responder, CancellationToken cancellationToken)
    {
        var result = await sessions.FetchAsync(context.Request, cancellationToken);
        if (!result.Succeeded)
        {
            return new ErrorResult(result.Error);
        }

        var others = (await store.ListForIdentityAsync(result.Value.IdentityId, active: true, MaxListed, cancellationToken))
            .Where(s => s.Id != result.Value.Id);
        var list = new List<SessionResponse>();
        foreach (var session in others)
        {
            list.Add(await responder.ToResponseAsync(session, cancellationToken));
        }

        return TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<RevokedSessionsResponse>, ErrorResult>> DisableMyOtherSessions(
        HttpContext context, SessionManager sessions, SessionStore store, CancellationToken cancellationToken)
    {
        var result = await sessions.FetchAsync(context.Request, cancellationToken);
        if (!result.Succeeded)
        {
            return new ErrorResult(result.Error);
        }

        var count = await store.RevokeAllForIdentityAsync(result.Value.IdentityId, keep: result.Value.Id, cancellationToken);
        return TypedResults.Ok(new RevokedSessionsResponse(count));
    }

    private static async Task<Results<NoContent, ErrorResult>> DisableMySession(
        Guid id, HttpContext context, SessionManager sessions, SessionStore store, CancellationToken cancellationToken)
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

        // Another identity's session id answers exactly like an unknown one.
        var target = await store.FindByIdAsync(id, cancellationToken);
        if (target is null || target.IdentityId != result.Value.IdentityId)
        {
            return new ErrorResult(ErrorCatalog.SessionNotFound);
        }

        await store.RevokeAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }
}
