// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tessera.Errors;
using Tessera.OAuth2.Authorization.Consent;
using Tessera.OAuth2.Authorization.Flows;
using Tessera.OAuth2.Authorization.LoginSessions;

namespace Tessera.OAuth2.Authorization.Admin;

/// <summary>
/// Hydra's remembered consent and login sessions (admin listener):
/// GET    /admin/oauth2/auth/sessions/consent?subject=[&amp;login_session_id=]   the subject's remembered grants
/// DELETE /admin/oauth2/auth/sessions/consent?subject=[&amp;client=]            revoke them (all, or to one client): 204
/// DELETE /admin/oauth2/auth/sessions/consent?client=&amp;all=true               revoke every subject's grants to a client
/// DELETE /admin/oauth2/auth/sessions/consent?consent_request_id=             revoke the grant of one consent request
/// DELETE /admin/oauth2/auth/sessions/login?subject= | ?sid=                  end the login sessions: 204
/// </summary>
internal static class AuthenticationSessionEndpoints
{
    public static RouteGroupBuilder MapAuthenticationSessionEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/admin/oauth2/auth/sessions/consent", ListOAuth2ConsentSessions);
        admin.MapDelete("/admin/oauth2/auth/sessions/consent", RevokeOAuth2ConsentSessions);
        admin.MapDelete("/admin/oauth2/auth/sessions/login", RevokeOAuth2LoginSessions);
        return admin;
    }

    private static async Task<Results<Ok<List<ConsentSessionResponse>>, ErrorResult>> ListOAuth2ConsentSessions(
        string? subject, [FromQuery(Name = "login_session_id")] string? loginSessionId, ConsentGrantStore grants,
        AuthorizationFlowStore flows, ClientDescriptions clients, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(subject))
        {
            return new ErrorResult(SubjectMissing("subject"));
        }

        var sessions = new List<ConsentSessionResponse>();
        foreach (var grant in await grants.ListAsync(subject, clock.GetUtcNow(), NullIfEmpty(loginSessionId), cancellationToken))
        {
            var flow = await flows.FindAsync(grant.FlowId, cancellationToken);
            sessions.Add(ConsentSessionResponse.From(grant, flow, await clients.DescribeAsync(grant.ClientId, cancellationToken)));
        }

        return TypedResults.Ok(sessions);
    }

    private static async Task<Results<NoContent, ErrorResult>> RevokeOAuth2ConsentSessions(
        string? subject, string? client, bool? all, [FromQuery(Name = "consent_request_id")] string? consentRequestId,
        ConsentGrantStore grants, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(consentRequestId))
        {
            if (Guid.TryParse(consentRequestId, out var flowId))
            {
                await grants.RevokeByRequestAsync(flowId, cancellationToken);
            }

            return TypedResults.NoContent();
        }

        if (string.IsNullOrEmpty(subject))
        {
            if (all is true && !string.IsNullOrEmpty(client))
            {
                await grants.RevokeClientAsync(client, cancellationToken);
                return TypedResults.NoContent();
            }

            return new ErrorResult(SubjectMissing("subject"));
        }

        // Hydra: with a subject, all=true (or no client) revokes the grants to every client.
        await grants.RevokeAsync(subject, all is true ? null : NullIfEmpty(client), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ErrorResult>> RevokeOAuth2LoginSessions(
        string? subject, string? sid, LoginSessionStore sessions, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(subject) && string.IsNullOrEmpty(sid))
        {
            return new ErrorResult(SubjectMissing("subject"));
        }

        await sessions.DeleteAsync(NullIfEmpty(subject), NullIfEmpty(sid), cancellationToken);
        return TypedResults.NoContent();
    }

    private static TesseraError SubjectMissing(string parameter) =>
        ErrorCatalog.OAuth2ConsentSubjectMissing.With(new Dictionary<string, object?> { ["parameter"] = parameter });

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
