// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;
using Dapper;
using Microsoft.IdentityModel.Tokens;
using Tessera.Persistence;

namespace Tessera.OAuth2.Keys;

/// <summary><c>oauth2_keys</c>: private keys as PKCS#8, sealed by <see cref="SigningKeyProtector"/>.</summary>
internal sealed partial class SigningKeyStore(Database database, NetworkContext network, SigningKeyProtector protector, ILogger<SigningKeyStore> logger)
{
    public async Task InsertAsync(SigningKey key, CancellationToken cancellationToken = default)
    {
        var pkcs8 = key.PrivateKey switch
        {
            ECDsaSecurityKey ec => ec.ECDsa.ExportPkcs8PrivateKey(),
            RsaSecurityKey rsa => rsa.Rsa.ExportPkcs8PrivateKey(),
            _ => throw new InvalidOperationException("Only EC and RSA keys are kept."),
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO oauth2_keys (nid, set_name, kid, alg, use, private_key, created_at)
            VALUES (@Nid, @Set, @Kid, @Algorithm, @Use, @PrivateKey, @CreatedAt) ON CONFLICT DO NOTHING
            """,
            new { Nid = network.Id, key.Set, key.Kid, key.Algorithm, key.Use, PrivateKey = protector.Seal(pkcs8), key.CreatedAt },
            cancellationToken: cancellationToken));
    }

    /// <summary>Every key of the project, newest first within each set. Keys that no configured secret opens are skipped (logged).</summary>
    public async Task<IReadOnlyList<SigningKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT set_name AS SetName, kid AS Kid, alg AS Alg, use AS Use, private_key AS PrivateKey, created_at AS CreatedAt FROM oauth2_keys WHERE nid = @Nid ORDER BY set_name, created_at DESC, kid",
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
            keys.Add(new SigningKey(row.SetName, row.Kid, row.Alg, row.Use, key, row.CreatedAt));
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
    }
}
