// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OAuth2.Tokens;

/// <summary>The <c>oauth2_tokens.kind</c> values (RFC 7009's token type hints).</summary>
internal static class TokenKinds
{
    public const string AccessToken = "access_token";
    public const string RefreshToken = "refresh_token";
}
