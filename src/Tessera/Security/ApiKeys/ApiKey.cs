// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Security.ApiKeys;

/// <summary>
/// A stored API key: everything but the key itself, which exists only in the creator's hands, and its hash. Also the
/// admin API's listing shape, since nothing in it is secret. <see cref="ProjectId"/> is set for project keys,
/// <see cref="WorkspaceId"/> for workspace keys; admin keys have neither.
/// </summary>
internal sealed record ApiKey(
    Guid Id,
    string Kind,
    string Name,
    string Hint,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt,
    Guid? ProjectId = null,
    Guid? WorkspaceId = null)
{
    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);
}
