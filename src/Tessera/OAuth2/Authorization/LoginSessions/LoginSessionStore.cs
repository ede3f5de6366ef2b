// SPDX-License-Identifier: Apache-2.0
using Dapper;
using Tessera.Persistence;

namespace Tessera.OAuth2.Authorization.LoginSessions;

/// <summary><c>oauth2_login_sessions</c>, scoped to this node's project.</summary>
internal sealed class LoginSessionStore(Database database, NetworkContext network)
{
    private const string Columns = "id, subject, identity_provider_session_id, acr, amr, authenticated_at, expires_at";

    public async Task UpsertAsync(LoginSession session, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO oauth2_login_sessions (nid, {Columns})
            VALUES (@Nid, @Id, @Subject, @IdentityProviderSessionId, @Acr, @Amr, @AuthenticatedAt, @ExpiresAt)
            ON CONFLICT (id) DO UPDATE SET authenticated_at = excluded.authenticated_at, expires_at = excluded.expires_at,
                acr = excluded.acr, amr = excluded.amr, identity_provider_session_id = excluded.identity_provider_session_id
            """,
            new
            {
                Nid = network.Id, session.Id, session.Subject, session.IdentityProviderSessionId, session.Acr, session.Amr,
                session.AuthenticatedAt, session.ExpiresAt,
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>The live session with this id (the browser's cookie), if any.</summary>
    public async Task<LoginSession?> FindAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<LoginSession>(new CommandDefinition(
            $"SELECT {Columns} FROM oauth2_login_sessions WHERE nid = @Nid AND id = @Id AND (expires_at IS NULL OR expires_at > @Now)",
            new { Nid = network.Id, Id = id, Now = now },
            cancellationToken: cancellationToken));
    }

    /// <summary>Ends the subject's sessions, or the one with this id; how many there were.</summary>
    public async Task<int> DeleteAsync(string? subject, string? sid, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM oauth2_login_sessions WHERE nid = @Nid AND (@Subject IS NULL OR subject = @Subject) AND (@Sid IS NULL OR id = @Sid)",
            new { Nid = network.Id, Subject = subject, Sid = sid },
            cancellationToken: cancellationToken));
    }
}
