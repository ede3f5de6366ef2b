// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Tessera.OAuth2.Authorization.Flows;
using Tessera.Sessions;

namespace Tessera.OAuth2.Authorization.LoginApp;

/// <summary>
/// OpenID Connect's authentication requirements (Core 1.0 section 3.1.2.1) against a Tessera session: no session,
/// <c>prompt=login</c> with a session older than the request, or a session older than <c>max_age</c> send the user
/// to sign in (again); <c>acr_values</c> naming <c>aal2</c> (or <c>aal3</c>) asks for that assurance level;
/// <c>prompt=none</c> turns any of those into <c>login_required</c> instead of a page.
/// </summary>
internal static class LoginRequirements
{
    public static LoginDecision Decide(AuthorizationFlow flow, Session? session, DateTimeOffset now)
    {
        var query = QueryHelpers.ParseQuery(new Uri(flow.RequestUrl).Query);
        var prompts = query.GetValueOrDefault("prompt").ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var wantedAal = (flow.Oidc.AcrValues ?? []).Contains(AssuranceLevels.Aal2, StringComparer.Ordinal) ? AssuranceLevels.Aal2 : null;

        var reason = session switch
        {
            null => "login_required",
            _ when prompts.Contains("login", StringComparer.Ordinal) && session.AuthenticatedAt < flow.RequestedAt => "login_required",
            _ when MaxAge(query.GetValueOrDefault("max_age").ToString()) is { } maxAge && now - session.AuthenticatedAt > maxAge => "login_required",
            _ when wantedAal is not null && session.Aal != AssuranceLevels.Aal2 => "login_required",
            _ => null,
        };
        if (reason is null)
        {
            return new LoginDecision.Accept();
        }

        if (prompts.Contains("none", StringComparer.Ordinal))
        {
            return new LoginDecision.Reject(reason, "The Authorization Server requires End-User authentication (prompt=none was requested).");
        }

        return new LoginDecision.SignIn(Refresh: session is not null && (wantedAal is null || session.Aal == AssuranceLevels.Aal2), wantedAal);
    }

    /// <summary>RFC 8176 method references for the session's factors (the method's own name when RFC 8176 has none).</summary>
    public static IReadOnlyList<string> Amr(Session session) =>
        session.AuthenticationMethods.Select(m => m.Method switch
        {
            "password" => "pwd",
            "totp" or "code" => "otp",
            "webauthn" or "passkey" => "hwk",
            "oidc" => "fed",
            _ => m.Method,
        }).Distinct(StringComparer.Ordinal).ToList();

    private static TimeSpan? MaxAge(string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
}
