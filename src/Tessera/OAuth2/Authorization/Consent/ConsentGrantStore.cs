// SPDX-License-Identifier: Apache-2.0
using Dapper;
using Tessera.Persistence;

namespace Tessera.OAuth2.Authorization.Consent;

/// <summary><c>oauth2_consent_grants</c>, scoped to this node's project.</summary>
internal sealed class ConsentGrantStore(Database database, NetworkContext network)
{
    private const string Columns =
        "id, flow_id, subject, client_id, login_session_id, grant_scope, grant_audience, consent_session, consent_context, remember_for, granted_at, expires_at";

    public async Task InsertAsync(ConsentGrant grant, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO oauth2_consent_grants (nid, {Columns})
            VALUES (@Nid, @Id, @FlowId, @Subject, @ClientId, @LoginSessionId, @GrantScope, @GrantAudience, @ConsentSession,
                @ConsentContext, @RememberFor, @GrantedAt, @ExpiresAt)
            """,
            new
            {
                Nid = network.Id, grant.Id, grant.FlowId, grant.Subject, grant.ClientId, grant.LoginSessionId, grant.GrantScope,
                grant.GrantAudience, grant.ConsentSession, grant.ConsentContext, grant.RememberFor, grant.GrantedAt, grant.ExpiresAt,
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>The subject's live grants, newest first, optionally of one login session only.</summary>
    public async Task<IReadOnlyList<ConsentGrant>> ListAsync(string subject, DateTimeOffset now, string? loginSessionId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ConsentGrant>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM oauth2_consent_grants
            WHERE nid = @Nid AND subject = @Subject AND (expires_at IS NULL OR expires_at > @Now)
              AND (@LoginSessionId IS NULL OR login_session_id = @LoginSessionId)
            ORDER BY granted_at DESC, id
            """,
            new { Nid = network.Id, Subject = subject, Now = now, LoginSessionId = loginSessionId },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>The newest live grant of this subject to this client that covers the request, if any.</summary>
    public async Task<ConsentGrant?> FindCoveringAsync(
        string subject, string clientId, IReadOnlyList<string> scopes, IReadOnlyList<string> audiences, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var grants = await ListAsync(subject, now, cancellationToken: cancellationToken);
        return grants.FirstOrDefault(g => g.ClientId == clientId && g.Covers(scopes, audiences));
    }

    /// <summary>Revokes the subject's grants, to one client or all; how many there were.</summary>
    public async Task<int> RevokeAsync(string subject, string? clientId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM oauth2_consent_grants WHERE nid = @Nid AND subject = @Subject AND (@ClientId IS NULL OR client_id = @ClientId)",
            new { Nid = network.Id, Subject = subject, ClientId = clientId },
            cancellationToken: cancellationToken));
    }

    /// <summary>Revokes every subject's grants to one client (Hydra's <c>all=true&amp;client=</c>).</summary>
    public async Task<int> RevokeClientAsync(string clientId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM oauth2_consent_grants WHERE nid = @Nid AND client_id = @ClientId",
            new { Nid = network.Id, ClientId = clientId },
            cancellationToken: cancellationToken));
    }

    /// <summary>Revokes the grant a consent request produced (Hydra's <c>consent_request_id</c>).</summary>
    public async Task<int> RevokeByRequestAsync(Guid flowId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM oauth2_consent_grants WHERE nid = @Nid AND flow_id = @FlowId",
            new { Nid = network.Id, FlowId = flowId },
            cancellationToken: cancellationToken));
    }
}
