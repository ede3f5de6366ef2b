// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.OAuth2.TokenHooks;

/// <summary>
/// What the token endpoint knows when it is about to issue: the grant, the client, the subject (the identity id,
/// or the client id for client credentials, as Hydra), what was granted, and the session's extra claims so far
/// (the consent's <c>session.access_token</c> / <c>session.id_token</c>), which the hook sees and may add to.
/// <see cref="Payload"/> is Hydra's <c>request.payload</c> (<c>assertion</c> for the jwt-bearer grant; empty otherwise).
/// </summary>
internal sealed record TokenHookRequest(
    string GrantType,
    string ClientId,
    string Subject,
    IReadOnlyList<string> GrantedScopes,
    IReadOnlyList<string> GrantedAudience)
{
    public string? Issuer { get; init; }

    public JsonObject? AccessTokenClaims { get; init; }

    public JsonObject? IdTokenClaims { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Payload { get; init; }

    /// <summary>The identity the execution log files the call under: the subject when it is an identity id.</summary>
    public Guid? IdentityId => Guid.TryParse(Subject, out var id) ? id : null;

    public TokenHookRequest WithClaims(TokenHookClaims claims) => this with
    {
        AccessTokenClaims = TokenHookClaims.Merge(AccessTokenClaims, claims.AccessToken),
        IdTokenClaims = TokenHookClaims.Merge(IdTokenClaims, claims.IdToken),
    };
}
