// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Tessera.OAuth2.Keys;

/// <summary>
/// The provider's signing keys, from the database. The first start creates an ES256 key in each of Hydra's sets;
/// <c>POST /admin/keys/{set}</c> adds one (rotation: the newest signs, the older ones stay published for the tokens
/// they signed); <c>PUT</c> imports and <c>DELETE</c> retires. Every node reads the keys from the database and
/// re-reads them at most <see cref="CacheLifetime"/> later, so a key created, replaced or deleted on one node signs,
/// verifies or stops doing so on every node within that bound (the node that made the change at once). A retired key
/// still opens the authorization codes it signed until they expire (<see cref="CodeVerificationAsync"/>); a published
/// set left empty gets a new key on its next use.
/// </summary>
internal sealed class OAuth2KeyRing(SigningKeyStore store, OAuth2Options options, TimeProvider clock)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);
    public static readonly IReadOnlyList<string> Algorithms = [SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256];

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Snapshot _snapshot = new([], DateTimeOffset.MinValue);

    /// <summary>The live keys read at start-up or at the last refresh (never empty once initialised).</summary>
    public IReadOnlyList<SigningKey> Keys => _snapshot.Keys.Where(k => k.Live).ToList();

    /// <summary>Creates the provider's default keys when missing, then loads every key. Once per process, after storage.</summary>
    public async Task InitialiseAsync(CancellationToken cancellationToken = default)
    {
        var keys = await store.ListAsync(cancellationToken);
        foreach (var set in KeySets.Published.Where(set => !keys.Any(k => k.Set == set && k.Live)))
        {
            // Nodes starting together may each add one; the newest signs and all are published, so that is harmless.
            await store.InsertAsync(Generate(set, SecurityAlgorithms.EcdsaSha256, null, "sig"), cancellationToken);
        }

        await RefreshAsync(cancellationToken);
    }

    /// <summary>The key that signs for <paramref name="set"/> now: the newest of the set.</summary>
    public async ValueTask<SigningKey> CurrentAsync(string set, CancellationToken cancellationToken = default)
    {
        var keys = await FreshAsync(cancellationToken);
        if (keys.FirstOrDefault(k => k.Set == set && k.Live) is { } current)
        {
            return current;
        }

        if (!KeySets.Published.Contains(set))
        {
            return await CurrentAsync(KeySets.IdToken, cancellationToken);
        }

        // Every key of a provider set was deleted: a new one, as Hydra does (nodes racing here each add one: harmless).
        return await CreateAsync(set, SecurityAlgorithms.EcdsaSha256, null, "sig", cancellationToken);
    }

    /// <summary>Every live key of <paramref name="set"/>, newest first.</summary>
    public async ValueTask<IReadOnlyList<SigningKey>> SetAsync(string set, CancellationToken cancellationToken = default) =>
        (await FreshAsync(cancellationToken)).Where(k => k.Set == set && k.Live).ToList();

    /// <summary>The keys <c>/.well-known/jwks.json</c> publishes: both provider sets, every live key.</summary>
    public async ValueTask<IReadOnlyList<SigningKey>> PublishedAsync(CancellationToken cancellationToken = default) =>
        (await FreshAsync(cancellationToken)).Where(k => KeySets.Published.Contains(k.Set) && k.Live).ToList();

    /// <summary>
    /// The keys that open an authorization code: the ID-token set's live keys and those retired less than a code
    /// lifetime ago. A code is also encrypted under the server secret, so a retired key alone cannot forge one.
    /// </summary>
    public async ValueTask<IReadOnlyList<SigningKey>> CodeVerificationAsync(CancellationToken cancellationToken = default)
    {
        var oldest = clock.GetUtcNow() - options.AuthorizationCodeLifespan;
        return (await FreshAsync(cancellationToken)).Where(k => k.Set == KeySets.IdToken && (k.Live || k.RetiredAt > oldest)).ToList();
    }

    public async Task<SigningKey> CreateAsync(string set, string algorithm, string? kid, string use, CancellationToken cancellationToken = default)
    {
        var key = Generate(set, algorithm, kid, use);
        await store.InsertAsync(key, cancellationToken);
        await RefreshAsync(cancellationToken);
        return key;
    }

    /// <summary>Hydra's <c>PUT /admin/keys/{set}/{kid}</c> (one key) and <c>PUT /admin/keys/{set}</c> (the set becomes exactly these keys).</summary>
    public async Task ImportAsync(string set, IReadOnlyList<SigningKey> keys, bool replaceSet, CancellationToken cancellationToken = default)
    {
        foreach (var key in keys)
        {
            await store.UpsertAsync(key, cancellationToken);
        }

        if (replaceSet)
        {
            await RetireAsync(set, null, keys.Select(k => k.Kid).ToList(), cancellationToken);
        }

        await RefreshAsync(cancellationToken);
    }

    /// <summary>Hydra's <c>DELETE /admin/keys/{set}[/{kid}]</c>: the number of live keys retired (0 when none matched).</summary>
    public async Task<int> DeleteAsync(string set, string? kid, CancellationToken cancellationToken = default)
    {
        var retired = await RetireAsync(set, kid, [], cancellationToken);
        await RefreshAsync(cancellationToken);
        return retired;
    }

    /// <summary>An imported key, stamped now so that it is the newest of its set (it signs).</summary>
    public SigningKey Imported(string set, string kid, string algorithm, string use, AsymmetricSecurityKey key) =>
        new(set, kid, algorithm, use, key, clock.GetUtcNow());

    private Task<int> RetireAsync(string set, string? kid, IReadOnlyCollection<string> keep, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.RetireAsync(set, kid, keep, now, now - options.AuthorizationCodeLifespan - CacheLifetime, cancellationToken);
    }

    private SigningKey Generate(string set, string algorithm, string? kid, string use)
    {
        var id = string.IsNullOrEmpty(kid) ? Guid.NewGuid().ToString() : kid;
        AsymmetricSecurityKey key = algorithm == SecurityAlgorithms.RsaSha256
            ? new RsaSecurityKey(RSA.Create(2048)) { KeyId = id }
            : new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = id };
        return new SigningKey(set, id, algorithm, use, key, clock.GetUtcNow());
    }

    private async ValueTask<IReadOnlyList<SigningKey>> FreshAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (clock.GetUtcNow() - snapshot.ReadAt < CacheLifetime && snapshot.Keys.Count > 0)
        {
            return snapshot.Keys;
        }

        await RefreshAsync(cancellationToken);
        return _snapshot.Keys;
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            _snapshot = new Snapshot(await store.ListAsync(cancellationToken), clock.GetUtcNow());
        }
        finally
        {
            _refresh.Release();
        }
    }

    private sealed record Snapshot(IReadOnlyList<SigningKey> Keys, DateTimeOffset ReadAt);
}
