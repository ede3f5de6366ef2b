// SPDX-License-Identifier: Apache-2.0
using System.Buffers.Text;
using System.Security.Cryptography;
using Dapper;
using Tessera.Persistence;

namespace Tessera.Security.Secrets;

/// <summary>
/// The secret the server made for itself when <c>secrets.default</c> is not configured, kept in
/// <c>server_secrets</c> so that every node and every restart uses the same one. Nodes starting together each offer
/// a fresh secret; the first insert wins (<c>ON CONFLICT DO NOTHING</c>) and all read back the winner.
/// </summary>
internal sealed class GeneratedSecretStore(Database database, NetworkContext network, TimeProvider clock)
{
    public const string DefaultName = "default";
    private const int SecretBytes = 32;

    public async Task<byte[]> GetOrCreateAsync(CancellationToken cancellationToken)
    {
        var offered = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO server_secrets (nid, name, secret, created_at) VALUES (@Nid, @Name, @Secret, @Now) ON CONFLICT (nid, name) DO NOTHING",
            new { Nid = network.Id, Name = DefaultName, Secret = offered, Now = clock.GetUtcNow() });
        var stored = await connection.QuerySingleAsync<string>(
            "SELECT secret FROM server_secrets WHERE nid = @Nid AND name = @Name", new { Nid = network.Id, Name = DefaultName });
        return Base64Url.DecodeFromChars(stored);
    }
}
