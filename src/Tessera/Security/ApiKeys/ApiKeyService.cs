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

    public async Task<(ApiKey Key, string Value)> CreateAsync(ApiKeyOwner owner, string name, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default)
    {
        var kind = owner.Kind;
        var value = ApiKeyFormat.Generate(kind);
        var key = new ApiKey(
            Guid.NewGuid(), kind.Name, name, ApiKeyFormat.Hint(value, kind), clock.GetUtcNow(), expiresAt, null, null,
            kind == ApiKeyKind.Project ? owner.Scope : null,
            kind == ApiKeyKind.Workspace ? owner.Scope : null);
        await store.InsertAsync(owner, key, ApiKeyFormat.Hash(value), cancellationToken);
        return (key, value);
    }

    /// <summary>Creates an admin key (the only kind without a project or workspace to name).</summary>
    public Task<(ApiKey Key, string Value)> CreateAsync(ApiKeyKind kind, string name, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default) =>
        kind == ApiKeyKind.Admin
            ? CreateAsync(store.AdminOwner, name, expiresAt, cancellationToken)
            : throw new ArgumentException($"A {kind.Name} key is bound to a project or workspace: pass its ApiKeyOwner.", nameof(kind));

    /// <summary>Whether admin calls must carry a key right now (see <see cref="AdminAuthMode"/>).</summary>
    public async Task<bool> AdminKeyRequiredAsync(CancellationToken cancellationToken)
    {
        if (options.Mode != AdminAuthMode.Auto)
        {
            return options.Mode == AdminAuthMode.Required;
        }

        // Admin and workspace key rows are never deleted, so once such a key has existed it always will (project keys go
        // with their project); a node learns of another node's first key within the cache's lifetime.
        return await cache.AnyAsync(cancellationToken);
    }

    /// <summary>The usable key of <paramref name="kind"/> that <paramref name="presented"/> is, or why it is not one.</summary>
    public async Task<Result<ApiKey>> AuthenticateAsync(ApiKeyKind kind, string presented, HttpContext context, CancellationToken cancellationToken) =>
        ApiKeyFormat.Recognise(presented) == kind
            ? await AuthenticateAsync(presented, context, cancellationToken)
            : ErrorCatalog.ApiKeyInvalid;

    /// <summary>The usable key of any kind that <paramref name="presented"/> is (its kind and binding in the result), or why it is not one.</summary>
    public async Task<Result<ApiKey>> AuthenticateAsync(string presented, HttpContext context, CancellationToken cancellationToken)
    {
        // The checksum turns away typos and look-alikes without a database round trip.
        if (ApiKeyFormat.Recognise(presented) is not { } kind)
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
