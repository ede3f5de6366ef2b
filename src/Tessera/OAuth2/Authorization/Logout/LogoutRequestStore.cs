// SPDX-License-Identifier: Apache-2.0
using Dapper;
using Tessera.Persistence;

namespace Tessera.OAuth2.Authorization.Logout;

/// <summary><c>oauth2_logout_requests</c>, scoped to this node's project; looked up by challenge or verifier hash.</summary>
internal sealed class LogoutRequestStore(Database database, NetworkContext network)
{
    private const string Columns =
        "id, state, subject, sid, client_id, request_url, post_logout_redirect_uri, logout_state, rp_initiated, requested_at, expires_at";

    public async Task InsertAsync(LogoutRequest request, string challengeHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO oauth2_logout_requests (nid, challenge_hash, {Columns})
            VALUES (@Nid, @ChallengeHash, @Id, @State, @Subject, @Sid, @ClientId, @RequestUrl, @PostLogoutRedirectUri, @LogoutState,
                @RpInitiated, @RequestedAt, @ExpiresAt)
            """,
            new
            {
                Nid = network.Id, ChallengeHash = challengeHash, request.Id, request.State, request.Subject, request.Sid, request.ClientId,
                request.RequestUrl, request.PostLogoutRedirectUri, request.LogoutState, request.RpInitiated, request.RequestedAt, request.ExpiresAt,
            },
            cancellationToken: cancellationToken));
    }

    public Task<LogoutRequest?> FindByChallengeAsync(string hash, CancellationToken cancellationToken = default) =>
        FindAsync("challenge_hash", hash, cancellationToken);

    public Task<LogoutRequest?> FindByVerifierAsync(string hash, CancellationToken cancellationToken = default) =>
        FindAsync("verifier_hash", hash, cancellationToken);

    /// <summary>Accepted once, from <c>initialized</c>, with the verifier the browser will bring back.</summary>
    public async Task<bool> AcceptAsync(Guid id, string verifierHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE oauth2_logout_requests SET state = @To, verifier_hash = @VerifierHash WHERE nid = @Nid AND id = @Id AND state = @From",
            new { Nid = network.Id, Id = id, VerifierHash = verifierHash, From = LogoutState.Initialized, To = LogoutState.Accepted },
            cancellationToken: cancellationToken)) == 1;
    }

    public Task<bool> RejectAsync(Guid id, CancellationToken cancellationToken = default) =>
        TransitionAsync(id, LogoutState.Initialized, LogoutState.Rejected, cancellationToken);

    public Task<bool> UseAsync(Guid id, CancellationToken cancellationToken = default) =>
        TransitionAsync(id, LogoutState.Accepted, LogoutState.Used, cancellationToken);

    public async Task<int> DeleteExpiredAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM oauth2_logout_requests WHERE nid = @Nid AND expires_at < @Before",
            new { Nid = network.Id, Before = before },
            cancellationToken: cancellationToken));
    }

    private async Task<bool> TransitionAsync(Guid id, string from, string to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE oauth2_logout_requests SET state = @To WHERE nid = @Nid AND id = @Id AND state = @From",
            new { Nid = network.Id, Id = id, From = from, To = to },
            cancellationToken: cancellationToken)) == 1;
    }

    private async Task<LogoutRequest?> FindAsync(string column, string hash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<LogoutRequest>(new CommandDefinition(
            $"SELECT {Columns} FROM oauth2_logout_requests WHERE nid = @Nid AND {column} = @Hash",
            new { Nid = network.Id, Hash = hash },
            cancellationToken: cancellationToken));
    }
}
