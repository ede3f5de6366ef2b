// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.OAuth2.Protocol;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tessera.OAuth2.Grants;

/// <summary>
/// POST /oauth2/token  oauth2TokenExchange (public). OpenIddict parses and checks the request and Tessera's handler
/// authenticates the client before this runs (passthrough); here each grant issues its tokens.
/// </summary>
internal static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPublicApi().MapPost("/oauth2/token", Oauth2TokenExchange).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<Results<TokenResponseResult, OAuth2ErrorResult>> Oauth2TokenExchange(
        HttpContext context, ClientCredentialsGrant clientCredentials, AuthorizationCodeGrant authorizationCode, RefreshTokenGrant refresh, CancellationToken cancellationToken)
    {
        var transaction = context.Features.Get<OpenIddictServerAspNetCoreFeature>()?.Transaction;
        var request = transaction?.Request;
        var client = transaction?.GetClient();
        if (request is null || client is null)
        {
            // Only reachable when OpenIddict did not run (it handles every request to this path first).
            return new OAuth2ErrorResult(ErrorCatalog.OAuth2InvalidClient);
        }

        var result = request.GrantType switch
        {
            GrantTypes.ClientCredentials => await clientCredentials.ExchangeAsync(client, request, cancellationToken),
            GrantTypes.AuthorizationCode when (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal is { } code
                => await authorizationCode.ExchangeAsync(client, request, code, cancellationToken),
            GrantTypes.RefreshToken => await refresh.ExchangeAsync(client, request, cancellationToken),
            _ => Result<TokenResponse>.Failure(OAuth2Errors.Problem(ErrorCatalog.OAuth2UnsupportedGrantType, $"The grant type '{request.GrantType}' is not supported.")),
        };
        return result.TryGetValue(out var response, out var error) ? new TokenResponseResult(response) : new OAuth2ErrorResult(error);
    }
}
