// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;
using Tessera.Hosting;
using Tessera.OAuth2.Authorization.Flows;
using Tessera.OAuth2.Authorization.LoginApp;
using Tessera.OAuth2.Authorization.Pages;
using Tessera.OAuth2.Clients;
using Tessera.Sessions;

namespace Tessera.OAuth2.Authorization.Endpoint;

/// <summary>The three rounds of an authorization request through <c>/oauth2/auth</c> (see <see cref="AuthorizeEndpoints"/>).</summary>
internal sealed class AuthorizationRounds(
    LoginRequests logins, ConsentRequests consents, AuthorizationFlowStore flows, SessionManager sessions, AuthorizationApps apps)
{
    /// <summary>A new request: a login request, and the browser to the login app.</summary>
    public async Task<IResult> StartAsync(HttpContext context, OAuth2Client client, OpenIddictRequest request, CancellationToken cancellationToken)
    {
        var session = await sessions.FetchAsync(context.Request, cancellationToken);
        var live = session.Succeeded ? session.Value : null;
        var (_, challenge) = await logins.CreateAsync(new NewLoginRequest(
            client.ClientId,
            AuthorizationRequestUrl.For(apps.Issuer, request),
            request.GetScopes().ToList(),
            request.GetResources().Concat(request.GetParameter("audience") is { } audience ? ((string?)audience ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries) : []).ToList(),
            new OidcContext
            {
                AcrValues = request.AcrValues?.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                Display = request.Display,
                LoginHint = request.LoginHint,
                UiLocales = request.UiLocales?.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            },
            // Hydra's skip: a live authentication session the login app may reuse (it still decides on prompt and max_age).
            Subject: live?.IdentityId.ToString(),
            SessionId: live?.Id.ToString(),
            AuthenticatedAt: live?.AuthenticatedAt), cancellationToken);
        return Results.Redirect(QueryHelpers.AddQueryString(apps.LoginUrl, ChallengeKind.Login.ChallengeParameter, challenge));
    }

    /// <summary>The login verifier: the consent request, and the browser to the consent app (or straight on when skipped).</summary>
    public async Task<IResult> ContinueAsync(OAuth2Client client, string? verifier, CancellationToken cancellationToken)
    {
        var flow = await logins.FindByVerifierAsync(verifier, cancellationToken);
        if (flow is null || flow.ClientId != client.ClientId)
        {
            return AuthorizationOutcomes.InvalidVerifier(ChallengeKind.Login);
        }

        if (flow.State == FlowState.LoginError)
        {
            return await flows.SpendAsync(flow.Id, FlowState.LoginError, cancellationToken)
                ? AuthorizationOutcomes.Rejection(flow.LoginError!)
                : AuthorizationOutcomes.InvalidVerifier(ChallengeKind.Login);
        }

        if (await consents.StartAsync(flow, client.SkipConsent, cancellationToken) is not var (started, challenge))
        {
            return AuthorizationOutcomes.InvalidVerifier(ChallengeKind.Login);
        }

        if (!started.ConsentSkip || apps.UsesOwnConsentApp is false)
        {
            return Results.Redirect(QueryHelpers.AddQueryString(apps.ConsentUrl, ChallengeKind.Consent.ChallengeParameter, challenge));
        }

        // Tessera's own consent app would only confirm what was granted before (or what a first-party client needs
        // no consent for): accept on the user's behalf, carrying over the remembered grant's claims.
        var remembered = await consents.FindRememberedAsync(started, cancellationToken);
        var accepted = await consents.AcceptAsync(challenge, new AcceptConsentBody
        {
            GrantScope = started.RequestedScopes,
            GrantAccessTokenAudience = started.RequestedAudiences,
            Session = remembered is null ? null : AuthorizationFlow.Node(remembered.ConsentSession) as System.Text.Json.Nodes.JsonObject,
        }, cancellationToken);
        if (!accepted.TryGetValue(out var redirectTo, out _))
        {
            return AuthorizationOutcomes.InvalidVerifier(ChallengeKind.Consent);
        }

        return await FinishAsync(client, QueryHelpers.ParseQuery(new Uri(redirectTo).Query)[ChallengeKind.Consent.VerifierParameter], cancellationToken);
    }

    /// <summary>The consent verifier: the code, or the consent app's rejection, to the client.</summary>
    public async Task<IResult> FinishAsync(OAuth2Client client, string? verifier, CancellationToken cancellationToken)
    {
        var flow = await consents.RedeemAsync(verifier, cancellationToken);
        if (flow is null || flow.ClientId != client.ClientId)
        {
            return AuthorizationOutcomes.InvalidVerifier(ChallengeKind.Consent);
        }

        return flow.State == FlowState.ConsentError
            ? AuthorizationOutcomes.Rejection(flow.ConsentError!)
            : AuthorizationOutcomes.Code(flow);
    }
}
