// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Security.ApiKeys;

/// <summary>A key as listed: never its value, only the hint (prefix and first characters).</summary>
internal sealed record ApiKeyResponse(
    Guid Id,
    string Kind,
    string Name,
    string Hint,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt)
{
    public static ApiKeyResponse From(ApiKey key) =>
        new(key.Id, key.Kind, key.Name, key.Hint, key.CreatedAt, key.ExpiresAt, key.RevokedAt, key.LastUsedAt);
}
