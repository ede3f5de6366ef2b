// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Projects.Overlays;

namespace Tessera.Sessions;

/// <summary>
/// Issues sessions and finds the one a request carries: <c>X-Session-Token</c>, <c>Authorization: Bearer</c>
/// (API clients) or the session cookie (browsers), in that order. A revoked or expired session stops working at
/// once: every lookup reads the database.
/// </summary>
internal sealed class SessionManager(SessionStore store, ProjectOptions<SessionOptions> options, TimeProvider clock, ClientAddress clientAddress)
{
    public const string TokenHeader = "X-Session-Token";
    private const int MaxUserAgentLength = 512;

    public async Task<IssuedSession> IssueAsync(
        Guid identityId, IReadOnlyList<AuthenticationMethod> methods, HttpContext? context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var aal = methods.Select(m => m.Aal).DefaultIfEmpty("aal1").Max(StringComparer.Ordinal)!;
        var device = new SessionDevice(
            Guid.NewGuid(),
            context is null ? null : clientAddress.TextOf(context),
            Truncate(context?.Request.Headers.UserAgent.ToString()),
            null);
        var session = new Session(Guid.NewGuid(), identityId, true, aal, methods, [device], now, now, now + options.Value.Lifespan);
        var token = SessionToken.NewSessionToken();
        var logoutToken = SessionToken.LogoutTokenFor(token);
        await store.InsertAsync(session, SessionToken.Hash(token), SessionToken.Hash(logoutToken), cancellationToken);
        return new IssuedSession(session, token, logoutToken);
    }

    /// <summary>
    /// Adds a completed factor to the session the request already has, instead of issuing a second session:
    /// re-authentication (<c>refresh=true</c>) renews <c>authenticated_at</c>, a second factor raises the level.
    /// </summary>
    public async Task<Session> AddAuthenticationAsync(Session session, AuthenticationMethod method, CancellationToken cancellationToken = default)
    {
        var methods = session.AuthenticationMethods.Append(method).ToList();
        var updated = session with
        {
            AuthenticationMethods = methods,
            Aal = methods.Select(m => m.Aal).Append(session.Aal).Max(StringComparer.Ordinal)!,
            AuthenticatedAt = method.CompletedAt,
        };
        await store.UpdateAuthenticationAsync(updated, cancellationToken);
        return updated;
    }

    /// <summary>The token the request carries, without looking it up; null when it carries none.</summary>
    public string? TokenFrom(HttpRequest request)
    {
        var header = request.Headers[TokenHeader].ToString();
        if (header.Length > 0)
        {
            return header;
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        return request.Cookies.TryGetValue(options.Value.CookieName, out var cookie) && cookie.Length > 0 ? cookie : null;
    }

    /// <summary>The request's usable session, or <c>session_inactive</c>.</summary>
    public Task<Result<Session>> FetchAsync(HttpRequest request, CancellationToken cancellationToken = default) =>
        FetchAsync(TokenFrom(request), cancellationToken);

    /// <summary>The usable session a token names, or <c>session_inactive</c>.</summary>
    public async Task<Result<Session>> FetchAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!SessionToken.IsPlausible(token))
        {
            return ErrorCatalog.SessionInactive;
        }

        var session = await store.FindByTokenHashAsync(SessionToken.Hash(token!), cancellationToken);
        var now = clock.GetUtcNow();
        if (session is null || !session.IsUsableAt(now, options.Value.IdleTimeout))
        {
            return ErrorCatalog.SessionInactive;
        }

        // session.idle_timeout: this use keeps the session alive, written at most once per SeenWriteInterval.
        if (options.Value.IdleTimeout is not null && now - (session.SeenAt ?? session.AuthenticatedAt) >= options.Value.SeenWriteInterval
            && await store.TouchAsync(session.Id, now, now - options.Value.SeenWriteInterval, cancellationToken))
        {
            session = session with { SeenAt = now };
        }

        return session;
    }

    /// <summary>Ends the session a logout token names; false when the token names none (or an ended one).</summary>
    public async Task<bool> LogoutAsync(string? logoutToken, CancellationToken cancellationToken = default)
    {
        if (!SessionToken.IsPlausible(logoutToken))
        {
            return false;
        }

        var session = await store.FindByLogoutTokenHashAsync(SessionToken.Hash(logoutToken!), cancellationToken);
        return session is not null && session.IsUsableAt(clock.GetUtcNow(), options.Value.IdleTimeout) && await store.RevokeAsync(session.Id, cancellationToken);
    }

    /// <summary>
    /// Persistent (<c>session.cookie.persistent</c>, Kratos's default) means Expires and Max-Age both end with the
    /// session, as Kratos sets them; otherwise the cookie ends with the browser session.
    /// </summary>
    public void WriteCookie(HttpResponse response, IssuedSession issued)
    {
        var remaining = issued.Session.ExpiresAt - clock.GetUtcNow();
        response.Cookies.Append(options.Value.CookieName, issued.Token, options.Value.CookiePersistent
            ? options.Value.Cookie.ToCookieOptions(issued.Session.ExpiresAt, TimeSpan.FromSeconds(Math.Max(0, Math.Floor(remaining.TotalSeconds))))
            : options.Value.Cookie.ToCookieOptions(null));
    }

    public void ClearCookie(HttpResponse response) =>
        response.Cookies.Delete(options.Value.CookieName, options.Value.Cookie.ToCookieOptions(null));

    /// <summary>Extends a session by one lifespan from now, unless it is too early (<c>session.earliest_possible_extend</c>).</summary>
    public async Task<bool> ExtendAsync(Session session, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (options.Value.EarliestPossibleExtend is { } window && session.ExpiresAt - now > window)
        {
            return false;
        }

        return await store.ExtendAsync(session.Id, now + options.Value.Lifespan, cancellationToken);
    }

    private static string? Truncate(string? userAgent) =>
        string.IsNullOrEmpty(userAgent) ? null : userAgent.Length <= MaxUserAgentLength ? userAgent : userAgent[..MaxUserAgentLength];
}
