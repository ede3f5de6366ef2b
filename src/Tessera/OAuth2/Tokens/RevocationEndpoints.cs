// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.OAuth2.Clients;
using Tessera.Hosting.RequestBodies;

namespace Tessera.OAuth2.Tokens;

/// <summary>
/// POST   /oauth2/revoke                  revokeOAuth2Token        (public; RFC 7009, the client authenticates as at the token endpoint)
/// DELETE /admin/oauth2/tokens?client_id= deleteOAuth2Token        (admin; every token of the client)
/// Revoking an unknown, expired or foreign token answers 200 as RFC 7009 section 2.2 says: the client learns nothing.
/// </summary>
internal static class RevocationEndpoints
{
    public static IEndpointRouteBuilder MapRevocationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPublicApi().MapPost("/oauth2/revoke", RevokeOAuth2Token).DisableAntiforgery();
        endpoints.MapAdminApi().MapDelete("/admin/oauth2/tokens", DeleteOAuth2Token);
        return endpoints;
    }

    private static async Task<Results<Ok, OAuth2ErrorResult>> RevokeOAuth2Token(
        HttpRequest request, ClientAuthenticator authenticator, TokenLookup lookup, TokenRevocation revocation, CancellationToken cancellationToken)
    {
        var form = (await RequestBodyReader.ReadFormAsync(request, cancellationToken)).ValueOrNull;
        if (form is null || string.IsNullOrEmpty(form["token"].ToString()))
        {
            return new OAuth2ErrorResult(OAuth2Errors.Problem(ErrorCatalog.OAuth2InvalidRequest,
                "The request body must be application/x-www-form-urlencoded with the 'token' parameter (RFC 7009 section 2.1)."));
        }

        var hint = form["token_type_hint"].ToString();
        if (hint.Length > 0 && hint is not (TokenKinds.AccessToken or TokenKinds.RefreshToken))
        {
            return new OAuth2ErrorResult(OAuth2Errors.Problem(ErrorCatalog.OAuth2UnsupportedTokenType, $"The token type hint '{hint}' is not supported."));
        }

        var parameters = new OpenIddictRequest(form.Select(f => new KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>(f.Key, f.Value)));
        if (request.Headers.Authorization.ToString() is { } authorization && BasicCredentials.TryRead(authorization, out var id, out var secret))
        {
            parameters.ClientId = id;
            parameters.ClientSecret = secret;
        }

        if (!(await authenticator.AuthenticateAsync(request, parameters, cancellationToken)).TryGetValue(out var client, out var error))
        {
            return new OAuth2ErrorResult(error);
        }

        if (await lookup.FindAsync(form["token"].ToString(), cancellationToken) is { } token && token.ClientId == client.ClientId)
        {
            await revocation.RevokeAsync(token, cancellationToken);
        }

        return TypedResults.Ok();
    }

    private static async Task<Results<NoContent, OAuth2ErrorResult>> DeleteOAuth2Token(
        HttpRequest request, TokenRevocation revocation, CancellationToken cancellationToken)
    {
        var clientId = request.Query["client_id"].ToString();
        if (clientId.Length == 0)
        {
            return new OAuth2ErrorResult(OAuth2Errors.Problem(ErrorCatalog.OAuth2InvalidRequest, "The 'client_id' query parameter is required."));
        }

        await revocation.RevokeClientAsync(clientId, cancellationToken);
        return TypedResults.NoContent();
    }
}
