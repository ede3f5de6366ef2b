// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OAuth2.Tokens;

/// <summary>
/// What a self-contained access token carries (<see cref="SelfContainedTokens"/>): everything introspection answers
/// with, and the client's <see cref="Clients.OAuth2Client.TokenEpoch"/> it was issued under.
/// </summary>
internal sealed record SelfContainedClaims(
    string RequestId,
    string ClientId,
    string Epoch,
    string Scope,
    string Audience,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt)
{
    /// <summary>The token as a stored row would describe it; <paramref name="revokedAt"/> when a revocation applies.</summary>
    public StoredToken ToStoredToken(string signature, DateTimeOffset? revokedAt) =>
        new(signature, TokenKinds.AccessToken, RequestId, ClientId, null, Scope, Audience, null, IssuedAt, ExpiresAt, revokedAt);
}
