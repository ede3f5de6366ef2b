// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.OAuth2.Tokens;

namespace Tessera.OAuth2.UserInfo;

/// <summary>
/// GET and POST /userinfo  getOidcUserInfo (public; OpenID Connect Core section 5.3). The access token comes as
/// <c>Authorization: Bearer</c> (RFC 6750 section 2.1) and must be an active access token issued for a user; the
/// answer is its subject's claims filtered by the token's scopes: <c>sub</c> always; with <c>email</c>, the
/// identity's first e-mail verifiable address as <c>email</c> and <c>email_verified</c>. Anything else is 401
/// <c>invalid_token</c> with RFC 6750's <c>WWW-Authenticate: Bearer</c>.
/// </summary>
internal static class UserInfoEndpoints
{
    private const string BearerPrefix = "Bearer ";

    public static IEndpointRouteBuilder MapUserInfoEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPublicApi().MapMethods("/userinfo", [HttpMethods.Get, HttpMethods.Post], GetOidcUserInfo).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<Results<Ok<JsonObject>, OAuth2ErrorResult>> GetOidcUserInfo(
        HttpRequest request, TokenLookup lookup, IdentityStore identities, TimeProvider clock, CancellationToken cancellationToken)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || header.Length == BearerPrefix.Length)
        {
            return Invalid("The request carries no 'Authorization: Bearer' access token.");
        }

        var stored = await lookup.FindAsync(header[BearerPrefix.Length..].Trim(), cancellationToken);
        if (stored is null || stored.Kind != TokenKinds.AccessToken || !stored.IsActiveAt(clock.GetUtcNow()) || stored.Subject is null)
        {
            return Invalid("The access token is unknown, expired, revoked, or was not issued for a user.");
        }

        var answer = new JsonObject { ["sub"] = stored.Subject };
        var scopes = stored.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (scopes.Contains("email", StringComparer.Ordinal) && Guid.TryParse(stored.Subject, out var identityId)
            && await identities.GetAsync(identityId, cancellationToken) is { } identity
            && identity.VerifiableAddresses.FirstOrDefault(a => a.Via == "email") is { } address)
        {
            answer["email"] = address.Value;
            answer["email_verified"] = address.Verified;
        }

        return TypedResults.Ok(answer);
    }

    private static OAuth2ErrorResult Invalid(string problem) => new(OAuth2Errors.Problem(ErrorCatalog.OAuth2InvalidToken, problem));
}
