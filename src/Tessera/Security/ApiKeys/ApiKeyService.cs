// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;
using System.Text;
using Tessera.Errors;
using Tessera.Hosting;

namespace Tessera.Security.ApiKeys;

/// <summary>
/// Creates keys (the value is returned once and never stored), checks presented keys through <see cref="ApiKeyCache"/>
/// (a key revoked on another node stops working here within <see cref="ApiKeyCache.CacheLifetime"/>, on this node at once).
/// </summary>
internal sealed class ApiKeyService(ApiKeyStore store, ApiKeyCache cache, AdminAuthOptions options, ClientAddress clientAddress, TimeProvider clock)
{
    public const int MaxNameLength = 128;

    public async Task<(ApiKey Key, string Value)> CreateAsync(ApiKeyKind kind, string name, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default)
    {
        var value = ApiKeyFormat.Generate(kind);
        var key = new ApiKey(Guid.NewGuid(), kind.Name, name, ApiKeyFormat.Hint(value, kind), clock.GetUtcNow(), expiresAt, null, null);
        await store.InsertAsync(key, ApiKeyFormat.Hash(value), cancellationToken);
        return (key, value);
    }

    /// <summary>Whether admin calls must carry a key right now (see <see cref="AdminAuthMode"/>).</summary>
    public async Task<bool> AdminKeyRequiredAsync(CancellationToken cancellationToken)
    {
        if (options.Mode != AdminAuthMode.Auto)
        {
            return options.Mode == AdminAuthMode.Required;
        }

        // Rows are never deleted, so once a key has existed it always will; a node learns of another node's first key
        // within the cache's lifetime.
        return await cache.AnyAsync(ApiKeyKind.Admin.Name, cancellationToken);
    }

    /// <summary>The usable key of <paramref name="kind"/> that <paramref name="presented"/> is, or why it is not one.</summary>
    public async Task<Result<ApiKey>> AuthenticateAsync(ApiKeyKind kind, string presented, HttpContext context, CancellationToken cancellationToken)
    {
        // The checksum turns away typos and look-alikes without a database round trip.
        if (ApiKeyFormat.Recognise(presented) != kind)
        {
            return ErrorCatalog.ApiKeyInvalid;
        }

        var hash = ApiKeyFormat.Hash(presented);
        var found = await cache.FindByHashAsync(hash, cancellationToken);
        var now = clock.GetUtcNow();
        if (found is not { } match
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(match.Hash))
            || match.Key.Kind != kind.Name
            || !match.Key.IsUsableAt(now))
        {
            return ErrorCatalog.ApiKeyInvalid;
        }

        if (match.Key.LastUsedAt is not { } lastUsed || now - lastUsed >= options.LastUsedInterval)
        {
            await store.TouchAsync(match.Key.Id, now, now - options.LastUsedInterval, clientAddress.TextOf(context), cancellationToken);
            cache.Used(hash, now);
        }

        return match.Key;
    }
}
