// SPDX-License-Identifier: Apache-2.0
using Tessera.OAuth2.Authorization.LoginSessions;
using Tessera.Sessions;

namespace Tessera.OAuth2.Authorization.Logout;

/// <summary>
/// What a finished RP-initiated logout ends for the subject: the browser's Tessera session (its cookie cleared), the
/// Tessera session the ID token's <c>sid</c> names (the one the authorization ran under, which is also the OAuth2
/// login session's id), and the OAuth2 login sessions (so the next authorization request asks for a login again).
/// A session of another identity is never touched.
/// </summary>
internal sealed class SessionTermination(SessionManager sessions, SessionStore store, LoginSessionStore loginSessions)
{
    public async Task EndAsync(HttpContext context, string subject, string? sid, CancellationToken cancellationToken)
    {
        var current = await sessions.FetchAsync(context.Request, cancellationToken);
        if (current.Succeeded && current.Value.IdentityId.ToString() == subject)
        {
            await store.RevokeAsync(current.Value.Id, cancellationToken);
            sessions.ClearCookie(context.Response);
        }

        if (Guid.TryParse(sid, out var sessionId) && await store.FindByIdAsync(sessionId, cancellationToken) is { } named
            && named.IdentityId.ToString() == subject)
        {
            await store.RevokeAsync(named.Id, cancellationToken);
        }

        await loginSessions.DeleteAsync(subject, string.IsNullOrEmpty(sid) ? null : sid, cancellationToken);
    }
}
