// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Identities;
using Tessera.Security.Cipher;
using Tessera.SelfService.Methods.Oidc.Callback;

namespace Tessera.SelfService.Methods.Oidc;

/// <summary>
/// Kratos's <c>oidc</c> credential: identifiers <c>{provider}:{subject}</c>, and a config
/// <c>{"providers": [{"provider", "subject", "organization", "initial_id_token", "initial_access_token", "initial_refresh_token"}]}</c>
/// whose tokens are encrypted with <c>secrets.cipher</c> (only <c>include_credential=oidc</c> shows them, still sealed).
/// </summary>
internal static class OidcCredential
{
    public static string Identifier(string provider, string subject) => $"{provider}:{subject}";

    public static IdentityCredential Create(SecretCipher cipher, string provider, string subject, string? organization, OidcTokens tokens) => new()
    {
        Type = CredentialTypes.Oidc,
        Identifiers = [Identifier(provider, subject)],
        Config = new JsonObject
        {
            ["providers"] = new JsonArray(new JsonObject
            {
                ["provider"] = provider,
                ["subject"] = subject,
                ["organization"] = organization,
                ["initial_id_token"] = Seal(cipher, tokens.IdToken),
                ["initial_access_token"] = Seal(cipher, tokens.AccessToken),
                ["initial_refresh_token"] = Seal(cipher, tokens.RefreshToken),
            }),
        },
    };

    private static string Seal(SecretCipher cipher, string? token) => token is null ? string.Empty : cipher.EncryptText(token);
}
