// SPDX-License-Identifier: Apache-2.0
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Tessera.Persistence;

namespace Tessera.Sessions.TokenExchange;

/// <summary>
/// Kratos's session-token exchange codes (<c>session_token_exchanges</c>). A native flow created with
/// <c>return_session_token_exchange_code=true</c> gets an <c>init_code</c> (<see cref="StartAsync"/>); when the flow
/// completes in the browser the session is attached and a second code, the <c>return_to_code</c>, goes to the app
/// through <c>return_to</c> (<see cref="AttachAsync"/>); both together give the session token once
/// (<see cref="ClaimAsync"/>). The codes are 256 random bits each, kept only as SHA-256 hashes; every change is a
/// conditional UPDATE, so of any number of concurrent exchanges exactly one wins.
/// </summary>
internal sealed class SessionTokenExchangeStore(Database database, NetworkContext network, TimeProvider clock)
{
    /// <summary>A new exchange for the stored flow; its codes live as long as the flow. Answers the init code.</summary>
    public async Task<string> StartAsync(Guid flowId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var code = NewCode();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO session_token_exchanges (flow_id, nid, init_code_hash, return_to_code_hash, session_id, expires_at, exchanged_at, created_at)
            VALUES (@FlowId, @Nid, @InitCodeHash, NULL, NULL, @ExpiresAt, NULL, @Now)
            """,
            new { FlowId = flowId, Nid = network.Id, InitCodeHash = Hash(code), ExpiresAt = expiresAt, Now = clock.GetUtcNow() });
        return code;
    }

    /// <summary>
    /// The flow's session, attached once: answers the <c>return_to_code</c> for the browser to carry back to the app,
    /// or null when the flow asked for no exchange (or already has its session).
    /// </summary>
    public async Task<string?> AttachAsync(Guid flowId, Guid sessionId, CancellationToken cancellationToken)
    {
        var code = NewCode();
        await using var connection = await database.OpenAsync(cancellationToken);
        var attached = await connection.ExecuteAsync(
            """
            UPDATE session_token_exchanges SET session_id = @SessionId, return_to_code_hash = @ReturnToCodeHash
            WHERE nid = @Nid AND flow_id = @FlowId AND session_id IS NULL
            """,
            new { Nid = network.Id, FlowId = flowId, SessionId = sessionId, ReturnToCodeHash = Hash(code) });
        return attached == 1 ? code : null;
    }

    /// <summary>The exchange both codes name (compared in constant time), whether used or not; null when they name none.</summary>
    public async Task<SessionTokenExchangeRow?> FindAsync(string initCode, string returnToCode, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SessionTokenExchangeRow>(
            """
            SELECT flow_id, return_to_code_hash, session_id, expires_at, exchanged_at FROM session_token_exchanges
            WHERE nid = @Nid AND init_code_hash = @InitCodeHash
            """,
            new { Nid = network.Id, InitCodeHash = Hash(initCode) });
        var expected = Encoding.ASCII.GetBytes(row?.ReturnToCodeHash ?? string.Empty);
        var matches = CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(Hash(returnToCode)));
        return row is { SessionId: not null } && matches ? row : null;
    }

    /// <summary>Marks the exchange used: true for exactly one caller, however many race.</summary>
    public async Task<bool> ClaimAsync(Guid flowId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            """
            UPDATE session_token_exchanges SET exchanged_at = @Now
            WHERE nid = @Nid AND flow_id = @FlowId AND exchanged_at IS NULL AND session_id IS NOT NULL
            """,
            new { Nid = network.Id, FlowId = flowId, Now = clock.GetUtcNow() }) == 1;
    }

    private static string NewCode() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
