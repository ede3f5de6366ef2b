// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OAuth2.Tokens;

/// <summary>
/// One issued access or refresh token as stored (<c>oauth2_tokens</c>), by its keyed hash. <see cref="RequestId"/>
/// groups every token of one grant; <see cref="SessionData"/> is the JSON of the claims the grant carries
/// (<c>ext</c> for introspection); a refresh token's <see cref="IdTokenClaims"/> are its grant's ID token claims
/// (consent's <c>session.id_token</c>, the <c>sid</c>), carried into the ID token of each refresh.
/// </summary>
internal sealed record StoredToken(
    string Signature,
    string Kind,
    string RequestId,
    string ClientId,
    string? Subject,
    string Scope,
    string Audience,
    string? SessionData,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt = null,
    DateTimeOffset? RotatedAt = null,
    string? RotationResponse = null,
    string? IdTokenClaims = null)
{
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}
