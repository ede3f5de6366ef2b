// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.WebUtilities;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.OAuth2.Authorization.Flows;
using Tessera.Sessions;

namespace Tessera.OAuth2.Authorization.Logout;

/// <summary>
/// OpenID Connect RP-initiated logout as Hydra runs it. With an operator's logout app (<c>urls.logout</c>) the request
/// becomes a logout request and the browser goes to the app with its challenge; the app accepts (the browser returns
/// with a verifier: the sessions end) or rejects (nothing ends). Without one, Tessera is the logout app: a request with
/// a valid <c>id_token_hint</c> ends the hint's subject's sessions at once; a signed-in browser without a hint is
/// refused (any site could send it there). Either way the browser lands on the registered
/// <c>post_logout_redirect_uri</c> with <c>state</c>, else on Kratos's after-logout address.
/// </summary>
internal sealed class RpLogout(
    RpLogoutValidator validator, LogoutRequests requests, SessionTermination termination, SessionManager sessions, OAuth2Options options, RpLogoutLanding landing)
{
    public async Task<Result<Uri>> StartAsync(HttpContext context, RpLogoutParameters parameters, CancellationToken cancellationToken)
    {
        if (!(await validator.ValidateAsync(parameters.IdTokenHint, parameters.ClientId, parameters.PostLogoutRedirectUri, parameters.State, cancellationToken))
            .TryGetValue(out var request, out var error))
        {
            return error;
        }

        var current = await sessions.FetchAsync(context.Request, cancellationToken);
        var live = current.Succeeded ? current.Value : null;
        var subject = request.Hint?.Subject ?? live?.IdentityId.ToString();
        if (subject is null)
        {
            // Nobody is signed in and nobody is named: there is nothing to end.
            return landing.After(request.PostLogoutRedirectUri, request.State);
        }

        if (options.LogoutUrl is { } app)
        {
            var (_, challenge) = await requests.CreateAsync(new LogoutRequest
            {
                Subject = subject,
                Sid = request.Hint?.Sid ?? live?.Id.ToString() ?? string.Empty,
                ClientId = request.Hint?.ClientId,
                RequestUrl = parameters.RequestUrl,
                PostLogoutRedirectUri = request.PostLogoutRedirectUri,
                LogoutState = request.State,
                RpInitiated = true,
            }, cancellationToken);
            return new Uri(QueryHelpers.AddQueryString(app.AbsoluteUri, ChallengeKind.Logout.ChallengeParameter, challenge));
        }

        if (request.Hint is null)
        {
            return OAuth2Errors.Problem(ErrorCatalog.OAuth2LogoutHintRequired,
                "Tessera ends a signed-in session at this endpoint only for a request with an 'id_token_hint'.");
        }

        await termination.EndAsync(context, request.Hint.Subject, request.Hint.Sid, cancellationToken);
        return landing.After(request.PostLogoutRedirectUri, request.State);
    }

    /// <summary>The browser back from the logout app with the verifier of an accepted request: the sessions end.</summary>
    public async Task<Result<Uri>> FinishAsync(HttpContext context, string verifier, CancellationToken cancellationToken)
    {
        if (await requests.RedeemAsync(verifier, cancellationToken) is not { } request)
        {
            return ErrorCatalog.OAuth2LogoutVerifierInvalid;
        }

        await termination.EndAsync(context, request.Subject, string.IsNullOrEmpty(request.Sid) ? null : request.Sid, cancellationToken);
        return landing.After(request.PostLogoutRedirectUri, request.LogoutState);
    }
}
