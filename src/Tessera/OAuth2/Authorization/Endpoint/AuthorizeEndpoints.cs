// SPDX-License-Identifier: Apache-2.0
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.OAuth2.Authorization.Flows;
using Tessera.OAuth2.Protocol;

namespace Tessera.OAuth2.Authorization.Endpoint;

/// <summary>
/// GET|POST /oauth2/auth  oAuth2Authorize (public; OpenIddict passthrough). OpenIddict has validated the request and
/// the client (redirect URI, response type, scopes, PKCE) before this runs. Hydra's three rounds, each a redirect:
/// a new request starts a login request and goes to the login app (<c>urls.login</c>, or Tessera's own); the login
/// verifier starts the consent request and goes to the consent app (<c>urls.consent</c>, or Tessera's own), unless
/// consent is skipped; the consent verifier issues the code (or sends the app's rejection to the client).
/// </summary>
internal static class AuthorizeEndpoints
{
    public static IEndpointRouteBuilder MapAuthorizeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapPublicApi();
        api.MapGet("/oauth2/auth", OAuth2Authorize);
        api.MapPost("/oauth2/auth", OAuth2Authorize).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> OAuth2Authorize(HttpContext context, AuthorizationRounds rounds, CancellationToken cancellationToken)
    {
        var transaction = context.Features.Get<OpenIddictServerAspNetCoreFeature>()?.Transaction;
        var request = transaction?.Request;
        var client = transaction?.GetClient();
        if (request is null || client is null)
        {
            // Only reachable when OpenIddict did not run (it handles every request to this path first).
            return new OAuth2ErrorResult(ErrorCatalog.OAuth2InvalidClient);
        }

        if (request.GetParameter(ChallengeKind.Consent.VerifierParameter) is { } consentVerifier)
        {
            return await rounds.FinishAsync(client, (string?)consentVerifier, cancellationToken);
        }

        if (request.GetParameter(ChallengeKind.Login.VerifierParameter) is { } loginVerifier)
        {
            return await rounds.ContinueAsync(client, (string?)loginVerifier, cancellationToken);
        }

        return await rounds.StartAsync(context, client, request, cancellationToken);
    }
}
