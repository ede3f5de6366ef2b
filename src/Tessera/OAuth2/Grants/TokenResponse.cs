// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Serialization;

namespace Tessera.OAuth2.Grants;

/// <summary>RFC 6749 section 5.1's successful token response (Hydra's <c>oAuth2TokenExchange</c>).</summary>
internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] long ExpiresIn,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken = null,
    [property: JsonPropertyName("id_token")] string? IdToken = null)
{
    public const string Bearer = "bearer";
}
