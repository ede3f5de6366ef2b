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
/// One credential holds every provider account linked to the identity.
/// </summary>
internal static class OidcCredential
{
    public static string Identifier(string provider, string subject) => $"{provider}:{subject}";

    /// <summary>One linked provider account: the credential's <c>providers[]</c> entry, its tokens sealed.</summary>
    public static JsonObject Entry(SecretCipher cipher, string provider, string subject, string? organization, OidcTokens? tokens) => new()
    {
        ["provider"] = provider,
        ["subject"] = subject,
        ["organization"] = organization,
        ["initial_id_token"] = Seal(cipher, tokens?.IdToken),
        ["initial_access_token"] = Seal(cipher, tokens?.AccessToken),
        ["initial_refresh_token"] = Seal(cipher, tokens?.RefreshToken),
    };

    public static IdentityCredential Create(
        SecretCipher cipher, DateTimeOffset now, string provider, string subject, string? organization, OidcTokens tokens) =>
        Create(now, Entry(cipher, provider, subject, organization, tokens));

    public static IdentityCredential Create(DateTimeOffset now, JsonObject entry) => new()
    {
        Id = Guid.NewGuid(),
        Version = 1,
        CreatedAt = now,
        UpdatedAt = now,
        Type = CredentialTypes.Oidc,
        Identifiers = [IdentifierOf(entry)],
        Config = new JsonObject { ["providers"] = new JsonArray(entry.DeepClone()) },
    };

    /// <summary>Adds a provider account to the identity's oidc credential (creating it for the first).</summary>
    public static void Add(Identity identity, JsonObject entry, DateTimeOffset now)
    {
        if (!identity.Credentials.TryGetValue(CredentialTypes.Oidc, out var credential))
        {
            identity.Credentials[CredentialTypes.Oidc] = Create(now, entry);
            return;
        }

        var identifier = IdentifierOf(entry);
        if (!credential.Identifiers.Contains(identifier, StringComparer.Ordinal))
        {
            credential.Identifiers.Add(identifier);
            Providers(credential).Add(entry.DeepClone());
            credential.UpdatedAt = now;
        }
    }

    /// <summary>Removes the provider's accounts; the credential goes when it holds none. False when none was linked.</summary>
    public static bool Remove(Identity identity, string provider)
    {
        if (!identity.Credentials.TryGetValue(CredentialTypes.Oidc, out var credential) || LinkedProviders(identity).All(p => p != provider))
        {
            return false;
        }

        var providers = Providers(credential);
        foreach (var linked in providers.OfType<JsonObject>().Where(e => e["provider"]?.ToString() == provider).ToList())
        {
            providers.Remove(linked);
        }

        credential.Identifiers.RemoveAll(i => i.StartsWith(provider + ":", StringComparison.Ordinal));
        if (credential.Identifiers.Count == 0)
        {
            identity.Credentials.Remove(CredentialTypes.Oidc);
        }

        return true;
    }

    /// <summary>The providers the identity has an account of linked (its identifiers' provider parts).</summary>
    public static IReadOnlyList<string> LinkedProviders(Identity identity) =>
        identity.Credentials.TryGetValue(CredentialTypes.Oidc, out var credential)
            ? credential.Identifiers.Select(i => i.Split(':', 2)[0]).Distinct(StringComparer.Ordinal).ToList()
            : [];

    private static string IdentifierOf(JsonObject entry) => Identifier(entry["provider"]!.ToString(), entry["subject"]!.ToString());

    private static JsonArray Providers(IdentityCredential credential) =>
        credential.Config["providers"] as JsonArray ?? (JsonArray)(credential.Config["providers"] = new JsonArray());

    private static string Seal(SecretCipher cipher, string? token) => token is null ? string.Empty : cipher.EncryptText(token);
}
