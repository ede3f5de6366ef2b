// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Tessera.OAuth2.Keys;

/// <summary>
/// The provider's signing keys, from the database. The first start creates an ES256 key in each of Hydra's sets;
/// <c>POST /admin/keys/{set}</c> adds one (rotation: the newest signs, the older ones stay published for the tokens
/// they signed). Every node reads the keys from the database and re-reads them at most <see cref="CacheLifetime"/>
/// later, so a key created on one node signs and verifies on every node within that bound.
/// </summary>
internal sealed class OAuth2KeyRing(SigningKeyStore store, TimeProvider clock)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);
    public static readonly IReadOnlyList<string> Algorithms = [SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256];

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Snapshot _snapshot = new([], DateTimeOffset.MinValue);

    /// <summary>The keys read at start-up or at the last refresh (never empty once initialised).</summary>
    public IReadOnlyList<SigningKey> Keys => _snapshot.Keys;

    /// <summary>Creates the provider's default keys when missing, then loads every key. Once per process, after storage.</summary>
    public async Task InitialiseAsync(CancellationToken cancellationToken = default)
    {
        var keys = await store.ListAsync(cancellationToken);
        foreach (var set in KeySets.Published.Where(set => !keys.Any(k => k.Set == set)))
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
        return keys.FirstOrDefault(k => k.Set == set)
            ?? keys.First(k => k.Set == KeySets.IdToken);
    }

    /// <summary>Every key of <paramref name="set"/>, newest first.</summary>
    public async ValueTask<IReadOnlyList<SigningKey>> SetAsync(string set, CancellationToken cancellationToken = default) =>
        (await FreshAsync(cancellationToken)).Where(k => k.Set == set).ToList();

    /// <summary>The keys <c>/.well-known/jwks.json</c> publishes: both provider sets, every key still kept.</summary>
    public async ValueTask<IReadOnlyList<SigningKey>> PublishedAsync(CancellationToken cancellationToken = default) =>
        (await FreshAsync(cancellationToken)).Where(k => KeySets.Published.Contains(k.Set)).ToList();

    public async Task<SigningKey> CreateAsync(string set, string algorithm, string? kid, string use, CancellationToken cancellationToken = default)
    {
        var key = Generate(set, algorithm, kid, use);
        await store.InsertAsync(key, cancellationToken);
        await RefreshAsync(cancellationToken);
        return key;
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
