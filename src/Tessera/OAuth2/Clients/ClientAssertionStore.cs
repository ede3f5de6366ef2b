// SPDX-License-Identifier: Apache-2.0
using Dapper;
using Tessera.Persistence;

namespace Tessera.OAuth2.Clients;

/// <summary>
/// <c>oauth2_client_assertions</c>: each <c>jti</c> of a client's assertions is used once. The first use inserts it;
/// every later or concurrent one conflicts on the primary key (on any node) and is refused.
/// </summary>
internal sealed class ClientAssertionStore(Database database, NetworkContext network)
{
    /// <summary>True for exactly one caller per client and jti.</summary>
    public async Task<bool> TryUseAsync(string clientId, string jti, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO oauth2_client_assertions (nid, client_id, jti, expires_at)
            VALUES (@Nid, @ClientId, @Jti, @ExpiresAt) ON CONFLICT (nid, client_id, jti) DO NOTHING
            """,
            new { Nid = network.Id, ClientId = clientId, Jti = jti, ExpiresAt = expiresAt },
            cancellationToken: cancellationToken)) == 1;
    }
}
