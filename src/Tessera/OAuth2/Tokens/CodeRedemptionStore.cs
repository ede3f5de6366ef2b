// SPDX-License-Identifier: Apache-2.0
using Dapper;
using Tessera.Persistence;

namespace Tessera.OAuth2.Tokens;

/// <summary>
/// <c>oauth2_code_redemptions</c>: authorization codes are single use. The first redemption inserts the code's keyed
/// hash; every later or concurrent one conflicts on the primary key (on any node) and learns which grant the first
/// one started, so its tokens can be revoked (RFC 6749 section 4.1.2).
/// </summary>
internal sealed class CodeRedemptionStore(Database database, NetworkContext network)
{
    /// <summary>Null when this call redeemed the code; otherwise the request id of the redemption that did.</summary>
    public async Task<string?> TryRedeemAsync(string signature, string requestId, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO oauth2_code_redemptions (signature, nid, request_id, redeemed_at, expires_at)
            VALUES (@Signature, @Nid, @RequestId, @Now, @ExpiresAt) ON CONFLICT (signature) DO NOTHING
            """,
            new { Signature = signature, Nid = network.Id, RequestId = requestId, Now = now, ExpiresAt = expiresAt },
            cancellationToken: cancellationToken));
        if (inserted > 0)
        {
            return null;
        }

        await MarkReusedAsync(signature, now, cancellationToken);
        return await FindAsync(signature, cancellationToken) ?? string.Empty;
    }

    /// <summary>Marks a refused later redemption before the caller revokes: the winner looks for the mark after storing its tokens (<see cref="WasReusedAsync"/>).</summary>
    public async Task MarkReusedAsync(string signature, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE oauth2_code_redemptions SET reused_at = @Now WHERE signature = @Signature AND nid = @Nid AND reused_at IS NULL",
            new { Signature = signature, Nid = network.Id, Now = now },
            cancellationToken: cancellationToken));
    }

    /// <summary>The request id of the redemption of this code, or null when it was never redeemed.</summary>
    public async Task<string?> FindAsync(string signature, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT request_id FROM oauth2_code_redemptions WHERE signature = @Signature AND nid = @Nid",
            new { Signature = signature, Nid = network.Id },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Whether a later redemption of the code was tried. The winner asks after storing its tokens: a loser that came
    /// between the redemption and that write revoked nothing, so then the winner revokes its own grant.
    /// </summary>
    public async Task<bool> WasReusedAsync(string signature, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT 1 FROM oauth2_code_redemptions WHERE signature = @Signature AND nid = @Nid AND reused_at IS NOT NULL",
            new { Signature = signature, Nid = network.Id },
            cancellationToken: cancellationToken)) is not null;
    }
}
