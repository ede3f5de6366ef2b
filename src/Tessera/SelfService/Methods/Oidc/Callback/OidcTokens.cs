// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Methods.Oidc.Callback;

/// <summary>What the provider's token endpoint returned (RFC 6749 §5.1; OpenID Connect Core §3.1.3.3).</summary>
internal sealed record OidcTokens(string AccessToken, string? IdToken, string? RefreshToken);
