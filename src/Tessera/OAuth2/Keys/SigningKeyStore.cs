// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;
using Dapper;
using Microsoft.IdentityModel.Tokens;
using Tessera.Persistence;

namespace Tessera.OAuth2.Keys;

/// <summary>
/// <c>oauth2_keys</c>: private keys as PKCS#8, sealed by <see cref="SigningKeyProtector"/>. A deleted key is retired
/// (<c>retired_at</c>): kept for opening authorization codes it signed until they expire, then deleted.
/// </summary>
internal sealed partial class SigningKeyStore(Database database, NetworkContext network, SigningKeyProtector protector, ILogger<SigningKeyStore> logger)
{
    public Task InsertAsync(SigningKey key, CancellationToken cancellationToken = default) =>
        WriteAsync(key, "ON CONFLICT DO NOTHING", cancellationToken);

    /// <summary>Adds the key, or replaces the one of the same set and kid (Hydra's <c>PUT</c>: that kid's old material is gone).</summary>
    public Task UpsertAsync(SigningKey key, CancellationToken cancellationToken = default) =>
        WriteAsync(key, """
            ON CONFLICT (nid, set_name, kid) DO UPDATE SET alg = excluded.alg, use = excluded.use, private_key = excluded.private_key,
                created_at = excluded.created_at, retired_at = NULL
            """, cancellationToken);

    /// <summary>
    /// Retires the live keys of <paramref name="set"/> (one when <paramref name="kid"/> is given, or all but
    /// <paramref name="keep"/>), and deletes keys retired before <paramref name="purgeBefore"/>. The number retired.
    /// </summary>
    public async Task<int> RetireAsync(string set, string? kid, IReadOnlyCollection<string> keep, DateTimeOffset now, DateTimeOffset purgeBefore, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM oauth2_keys WHERE nid = @Nid AND retired_at IS NOT NULL AND retired_at < @PurgeBefore",
            new { Nid = network.Id, PurgeBefore = purgeBefore },
            cancellationToken: cancellationToken));
        var retired = 0;
        foreach (var row in await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT kid FROM oauth2_keys WHERE nid = @Nid AND set_name = @Set AND retired_at IS NULL",
            new { Nid = network.Id, Set = set },
            cancellationToken: cancellationToken)))
        {
            if ((kid is not null && row != kid) || keep.Contains(row))
            {
                continue;
            }

            // Conditional: of two nodes retiring the same key, one counts it.
            retired += await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE oauth2_keys SET retired_at = @Now WHERE nid = @Nid AND set_name = @Set AND kid = @Kid AND retired_at IS NULL",
                new { Nid = network.Id, Set = set, Kid = row, Now = now },
                cancellationToken: cancellationToken));
        }

        return retired;
    }

    private async Task WriteAsync(SigningKey key, string onConflict, CancellationToken cancellationToken)
    {
        var pkcs8 = key.PrivateKey switch
        {
            ECDsaSecurityKey ec => ec.ECDsa.ExportPkcs8PrivateKey(),
            RsaSecurityKey rsa => rsa.Rsa.ExportPkcs8PrivateKey(),
            _ => throw new InvalidOperationException("Only EC and RSA keys are kept."),
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO oauth2_keys (nid, set_name, kid, alg, use, private_key, created_at)
            VALUES (@Nid, @Set, @Kid, @Algorithm, @Use, @PrivateKey, @CreatedAt) {onConflict}
            """,
            new { Nid = network.Id, key.Set, key.Kid, key.Algorithm, key.Use, PrivateKey = protector.Seal(pkcs8), key.CreatedAt },
            cancellationToken: cancellationToken));
    }

    /// <summary>Every key of the project (retired ones included), newest first within each set. Keys that no configured secret opens are skipped (logged).</summary>
    public async Task<IReadOnlyList<SigningKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT set_name AS SetName, kid AS Kid, alg AS Alg, use AS Use, private_key AS PrivateKey, created_at AS CreatedAt, retired_at AS RetiredAt FROM oauth2_keys WHERE nid = @Nid ORDER BY set_name, created_at DESC, kid",
            new { Nid = network.Id },
            cancellationToken: cancellationToken));
        var keys = new List<SigningKey>();
        foreach (var row in rows)
        {
            if (protector.Open(row.PrivateKey) is not { } pkcs8)
            {
                LogUnreadableKey(logger, row.SetName, row.Kid);
                continue;
            }

            AsymmetricSecurityKey key = row.Alg.StartsWith("ES", StringComparison.Ordinal) ? ImportEc(pkcs8, row.Kid) : ImportRsa(pkcs8, row.Kid);
            keys.Add(new SigningKey(row.SetName, row.Kid, row.Alg, row.Use, key, row.CreatedAt) { RetiredAt = row.RetiredAt });
        }

        return keys;
    }

    private static ECDsaSecurityKey ImportEc(byte[] pkcs8, string kid)
    {
        var ec = ECDsa.Create();
        ec.ImportPkcs8PrivateKey(pkcs8, out _);
        return new ECDsaSecurityKey(ec) { KeyId = kid };
    }

    private static RsaSecurityKey ImportRsa(byte[] pkcs8, string kid)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(pkcs8, out _);
        return new RsaSecurityKey(rsa) { KeyId = kid };
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "The OAuth2 key {Kid} of set {Set} cannot be opened with the configured secrets and is not used")]
    private static partial void LogUnreadableKey(ILogger logger, string set, string kid);

    // Settable properties rather than a constructor: Dapper applies the dialect type handlers to properties.
    private sealed class Row
    {
        public string SetName { get; set; } = string.Empty;

        public string Kid { get; set; } = string.Empty;

        public string Alg { get; set; } = string.Empty;

        public string Use { get; set; } = string.Empty;

        public string PrivateKey { get; set; } = string.Empty;

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset? RetiredAt { get; set; }
    }
}
