// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.Identities;

/// <summary>
/// A provider account an admin creates or imports an identity with (Kratos's
/// <c>credentials.oidc.config.providers[{provider, subject}]</c>, <c>organization</c> optional). It becomes the
/// <c>oidc</c> credential the social sign-in finds: identifier <c>{provider}:{subject}</c>, no provider tokens.
/// </summary>
internal sealed record OidcLinkDraft(string Provider, string Subject, string? Organization)
{
    /// <summary>The entries, or a <see cref="FormatException"/> naming what is wrong (the parser answers it as a malformed body).</summary>
    public static List<OidcLinkDraft>? Parse(JsonNode? providers)
    {
        if (providers is null)
        {
            return null;
        }

        if (providers is not JsonArray array)
        {
            throw new FormatException("credentials.oidc.config.providers must be a list");
        }

        return array.Select((node, i) => node is JsonObject entry
                && entry["provider"] is JsonValue p && p.TryGetValue<string>(out var provider) && provider.Length > 0
                && entry["subject"] is JsonValue s && s.TryGetValue<string>(out var subject) && subject.Length > 0
                ? new OidcLinkDraft(provider, subject, entry["organization"] is JsonValue o && o.TryGetValue<string>(out var org) ? org : null)
                : throw new FormatException($"credentials.oidc.config.providers[{i}] needs a provider and a subject (strings)"))
            .ToList();
    }

    /// <summary>Replaces the identity's oidc credential with these provider accounts (the identifier as OidcCredential writes it).</summary>
    public static void Apply(Identity identity, IReadOnlyList<OidcLinkDraft> providers, DateTimeOffset now)
    {
        var existing = identity.Credentials.GetValueOrDefault(CredentialTypes.Oidc);
        identity.Credentials[CredentialTypes.Oidc] = new IdentityCredential
        {
            Id = existing?.Id ?? Guid.NewGuid(),
            Version = existing?.Version ?? 1,
            CreatedAt = existing?.CreatedAt ?? now,
            UpdatedAt = now,
            Type = CredentialTypes.Oidc,
            Identifiers = providers.Select(p => $"{p.Provider}:{p.Subject}").Distinct(StringComparer.Ordinal).ToList(),
            Config = new JsonObject
            {
                ["providers"] = new JsonArray(providers.Select(p => (JsonNode)new JsonObject
                {
                    ["provider"] = p.Provider,
                    ["subject"] = p.Subject,
                    ["organization"] = p.Organization,
                    ["initial_id_token"] = string.Empty,
                    ["initial_access_token"] = string.Empty,
                    ["initial_refresh_token"] = string.Empty,
                }).ToArray()),
            },
        };
    }
}
