// SPDX-License-Identifier: Apache-2.0
using Dapper;
using Tessera.Hosting.Pagination;
using Tessera.Persistence;

namespace Tessera.Sessions;

/// <summary>Sessions in the database. Every statement is scoped to this project's nid.</summary>
internal sealed class SessionStore(Database database, NetworkContext network, LocalWrites writes, TimeProvider clock)
{
    private const string Columns = "id, identity_id, active, aal, authentication_methods, devices, issued_at, authenticated_at, expires_at, seen_at";
    private const string PrefixedColumns =
        "s.id, s.identity_id, s.active, s.aal, s.authentication_methods, s.devices, s.issued_at, s.authenticated_at, s.expires_at, s.seen_at";

    public async Task InsertAsync(Session session, string tokenHash, string logoutTokenHash, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO sessions (id, nid, identity_id, token_hash, logout_token_hash, active, aal, authentication_methods, devices,
                                  issued_at, authenticated_at, expires_at, seen_at, created_at, updated_at)
            VALUES (@Id, @Nid, @IdentityId, @TokenHash, @LogoutTokenHash, @Active, @Aal, @Methods, @Devices,
                    @IssuedAt, @AuthenticatedAt, @ExpiresAt, @IssuedAt, @Now, @Now)
            """,
            new
            {
                session.Id, Nid = network.Id, session.IdentityId, TokenHash = tokenHash, LogoutTokenHash = logoutTokenHash,
                session.Active, session.Aal, Methods = SessionRow.Serialize(session.AuthenticationMethods),
                Devices = SessionRow.Serialize(session.Devices), session.IssuedAt, session.AuthenticatedAt, session.ExpiresAt, Now = now,
            });
    }

    /// <summary>
    /// The session a token names, only while its identity exists and is active: a disabled identity's sessions stop
    /// working at once, without a write to each of them.
    /// </summary>
    public async Task<Session?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SessionRow>(
            $"""
            SELECT {PrefixedColumns} FROM sessions s
            JOIN identities i ON i.id = s.identity_id AND i.nid = s.nid AND i.state = 'active'
            WHERE s.nid = @Nid AND s.token_hash = @Value
            """,
            new { Nid = network.Id, Value = tokenHash });
        return row?.ToSession();
    }

    /// <summary>
    /// Records a use (<c>session.idle_timeout</c>) unless one was recorded after <paramref name="notBefore"/>: a
    /// conditional update, at most one write per window per session whichever node serves it. Not a local write:
    /// it changes nothing a cached whoami answer shows.
    /// </summary>
    public async Task<bool> TouchAsync(Guid id, DateTimeOffset now, DateTimeOffset notBefore, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sessions SET seen_at = @Now WHERE nid = @Nid AND id = @Id AND (seen_at IS NULL OR seen_at < @NotBefore)",
            new { Nid = network.Id, Id = id, Now = now, NotBefore = notBefore },
            cancellationToken: cancellationToken)) > 0;
    }

    public Task<Session?> FindByLogoutTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default) =>
        FindAsync("logout_token_hash = @Value", tokenHash, cancellationToken);

    public Task<Session?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default) =>
        FindAsync("id = @Value", id, cancellationToken);

    /// <summary>A page of sessions (<see cref="SessionListQuery"/>), newest first.</summary>
    public async Task<SessionPage> ListAsync(SessionListQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var (sql, parameters) = SessionListSql.Page(query, network.Id, clock.GetUtcNow());
        var rows = (await connection.QueryAsync<SessionRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).ToList();
        CreatedAtPosition? next = null;
        if (rows.Count > query.PageSize)
        {
            rows.RemoveAt(rows.Count - 1);
            next = new CreatedAtPosition(rows[^1].CreatedAt, rows[^1].Id);
        }

        return new SessionPage(rows.Select(r => r.ToSession()).ToList(), next);
    }

    public async Task<long> CountAsync(SessionListQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var (sql, parameters) = SessionListSql.Count(query, network.Id, clock.GetUtcNow());
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    /// <summary>Revokes one session; false when it does not exist (in this project).</summary>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var write = writes.Write();
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE sessions SET active = FALSE, updated_at = @Now WHERE nid = @Nid AND id = @Id",
            new { Nid = network.Id, Id = id, Now = clock.GetUtcNow() }) > 0;
    }

    /// <summary>Revokes every active session of an identity except <paramref name="keep"/>; returns how many.</summary>
    public async Task<int> RevokeAllForIdentityAsync(Guid identityId, Guid? keep, CancellationToken cancellationToken = default)
    {
        using var write = writes.Write();
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            $"""
            UPDATE sessions SET active = FALSE, updated_at = @Now
            WHERE nid = @Nid AND identity_id = @IdentityId AND active = TRUE {(keep is null ? string.Empty : "AND id <> @Keep")}
            """,
            new { Nid = network.Id, IdentityId = identityId, Keep = keep ?? Guid.Empty, Now = clock.GetUtcNow() });
    }

    public async Task<int> DeleteAllForIdentityAsync(Guid identityId, CancellationToken cancellationToken = default)
    {
        using var write = writes.Write();
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "DELETE FROM sessions WHERE nid = @Nid AND identity_id = @IdentityId", new { Nid = network.Id, IdentityId = identityId });
    }

    public async Task<bool> ExtendAsync(Guid id, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        using var write = writes.Write();
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE sessions SET expires_at = @ExpiresAt, updated_at = @Now WHERE nid = @Nid AND id = @Id",
            new { Nid = network.Id, Id = id, ExpiresAt = expiresAt, Now = clock.GetUtcNow() }) > 0;
    }

    /// <summary>
    /// Gives an active session new secrets (the session-token exchange: the token issued when a native app's flow
    /// completed in the browser was never shown to anyone, so the app gets a fresh one). False when the session is gone.
    /// </summary>
    public async Task<bool> ReplaceTokensAsync(Guid id, string tokenHash, string logoutTokenHash, CancellationToken cancellationToken = default)
    {
        using var write = writes.Write();
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            """
            UPDATE sessions SET token_hash = @TokenHash, logout_token_hash = @LogoutTokenHash, updated_at = @Now
            WHERE nid = @Nid AND id = @Id AND active = TRUE
            """,
            new { Nid = network.Id, Id = id, TokenHash = tokenHash, LogoutTokenHash = logoutTokenHash, Now = clock.GetUtcNow() }) > 0;
    }

    /// <summary>Records a completed factor on an existing session: its level, its methods and when it was last authenticated.</summary>
    public async Task<bool> UpdateAuthenticationAsync(Session session, CancellationToken cancellationToken = default)
    {
        using var write = writes.Write();
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            """
            UPDATE sessions SET aal = @Aal, authentication_methods = @Methods, authenticated_at = @AuthenticatedAt, updated_at = @Now
            WHERE nid = @Nid AND id = @Id AND active = TRUE
            """,
            new
            {
                Nid = network.Id, session.Id, session.Aal, Methods = SessionRow.Serialize(session.AuthenticationMethods),
                session.AuthenticatedAt, Now = clock.GetUtcNow(),
            }) > 0;
    }

    /// <summary>
    /// Deletes sessions that expired before <paramref name="cutoff"/> (the janitor). Only a pass that deleted something
    /// counts as a write: the janitor runs at every start and every 30 minutes, and a pass with nothing to delete must
    /// not empty this node's read-through caches (whoami, permission checks) for nothing.
    /// </summary>
    public async Task<int> DeleteExpiredAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        int deleted;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            deleted = await connection.ExecuteAsync(
                "DELETE FROM sessions WHERE nid = @Nid AND expires_at < @Cutoff", new { Nid = network.Id, Cutoff = cutoff });
        }

        if (deleted > 0)
        {
            writes.Changed();
        }

        return deleted;
    }

    private async Task<Session?> FindAsync(string predicate, object value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SessionRow>(
            $"SELECT {Columns} FROM sessions WHERE nid = @Nid AND {predicate}", new { Nid = network.Id, Value = value });
        return row?.ToSession();
    }
}
