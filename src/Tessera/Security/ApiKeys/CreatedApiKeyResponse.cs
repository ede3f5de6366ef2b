// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Security.ApiKeys;

/// <summary>The answer to a key's creation: the only time its <see cref="Value"/> leaves the server.</summary>
internal sealed record CreatedApiKeyResponse(
    Guid Id,
    string Kind,
    string Name,
    string Hint,
    string Value,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    Guid? ProjectId = null,
    Guid? WorkspaceId = null);
