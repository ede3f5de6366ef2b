// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Sessions;

/// <summary>One cached whoami answer; <see cref="Version"/> is the local write version it was read under.</summary>
internal sealed record WhoamiCacheEntry(Guid IdentityId, byte[] Body, DateTimeOffset SessionExpiresAt, DateTimeOffset CachedUntil, long Version);
