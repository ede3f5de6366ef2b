// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Tessera.Errors;
using Tessera.SelfService.Methods.Oidc.Providers;

namespace Tessera.SelfService.Methods.Oidc.Callback;

/// <summary>
/// OpenID Connect Core §3.1.3.7: the ID token's signature against the provider's JWKS (fetched again once when the
/// key is unknown: rotation), its issuer (the discovery document's), audience (the client id), expiry and not-before
/// (on Tessera's clock, five minutes of skew), and the nonce this sign-in sent. The claims come back as JSON.
/// </summary>
internal sealed class OidcIdTokenValidator(OidcProviderMetadata metadata, TimeProvider clock)
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);
    private readonly JsonWebTokenHandler _handler = new();

    public async Task<Result<JsonObject>> ValidateAsync(OidcProvider provider, string idToken, string nonce, CancellationToken cancellationToken)
    {
        var configuration = await OidcProviderCall.RunAsync<OpenIdConnectConfiguration>("discovery document",
            async timeout => await metadata.GetAsync(provider, timeout), cancellationToken);
        if (!configuration.Succeeded)
        {
            return configuration.Error;
        }

        var result = await _handler.ValidateTokenAsync(idToken, Parameters(provider, configuration.Value));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The provider may have rotated its keys since the JWKS was cached: fetch it again, once.
            configuration = await OidcProviderCall.RunAsync<OpenIdConnectConfiguration>("JWKS",
                async timeout => await metadata.RefreshAsync(provider, timeout), cancellationToken);
            if (!configuration.Succeeded)
            {
                return configuration.Error;
            }

            result = await _handler.ValidateTokenAsync(idToken, Parameters(provider, configuration.Value));
        }

        if (!result.IsValid)
        {
            return Invalid(Reason(result.Exception));
        }

        var token = (JsonWebToken)result.SecurityToken;
        var claims = JsonNode.Parse(Base64UrlEncoder.Decode(token.EncodedPayload)) as JsonObject ?? [];
        var sent = Encoding.UTF8.GetBytes(nonce);
        var received = Encoding.UTF8.GetBytes(claims["nonce"]?.ToString() ?? string.Empty);
        if (!CryptographicOperations.FixedTimeEquals(sent, received))
        {
            return Invalid("nonce_mismatch");
        }

        return claims;
    }

    private TokenValidationParameters Parameters(OidcProvider provider, OpenIdConnectConfiguration configuration) => new()
    {
        ValidIssuer = configuration.Issuer,
        ValidAudience = provider.ClientId,
        IssuerSigningKeys = configuration.SigningKeys,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        LifetimeValidator = (notBefore, expires, _, _) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return expires is { } exp && exp + Skew > now && (notBefore is not { } nbf || nbf - Skew <= now);
        },
    };

    private static string Reason(Exception? exception) => exception switch
    {
        SecurityTokenSignatureKeyNotFoundException => "signature_key_unknown",
        SecurityTokenInvalidSignatureException => "signature_invalid",
        SecurityTokenInvalidAudienceException => "audience_mismatch",
        SecurityTokenInvalidIssuerException => "issuer_mismatch",
        SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException or SecurityTokenNoExpirationException => "expired",
        _ => "malformed",
    };

    private static TesseraError Invalid(string reason) =>
        ErrorCatalog.SocialSignInIdTokenInvalid.With(new Dictionary<string, object?> { ["problem"] = reason.Replace('_', ' ') })
            with { Details = new Dictionary<string, object?> { ["reason"] = reason } };
}
