// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.OAuth2.Clients;

namespace Tessera.OAuth2.Tokens;

/// <summary>
/// What a set of tokens is issued for: the client, the subject (null for client_credentials), the granted scopes
/// and audience, the grant's request id (shared by every token of the grant), the extra claims of the session
/// (<c>ext</c> in introspection and JWT access tokens) and the ID token's extra claims (consent's
/// <c>session.id_token</c>); the consent app and the token hooks fill both.
/// </summary>
internal sealed record TokenGrant(
    OAuth2Client Client,
    string? Subject,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> Audience,
    string RequestId,
    JsonObject? Extra = null,
    JsonObject? IdTokenClaims = null)
{
    public static string NewRequestId() => Guid.NewGuid().ToString();
}
