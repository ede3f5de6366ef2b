// SPDX-License-Identifier: Apache-2.0
using Dapper;
using Tessera.Persistence;

namespace Tessera.SelfService.Flows;

/// <summary>Flows in the database, scoped to this project's nid.</summary>
internal sealed class FlowStore(Database database, NetworkContext network, TimeProvider clock)
{
    private const string Columns =
        "id, kind, type, state, request_url, return_to, ui, csrf_token, identity_id, active_method, refresh, requested_aal, internal_context, issued_at, expires_at";

    public async Task InsertAsync(Flow flow, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO selfservice_flows (id, nid, kind, type, state, request_url, return_to, ui, csrf_token, identity_id, active_method,
                                           refresh, requested_aal, internal_context, issued_at, expires_at, created_at, updated_at)
            VALUES (@Id, @Nid, @Kind, @Type, @State, @RequestUrl, @ReturnTo, @Ui, @CsrfToken, @IdentityId, @ActiveMethod,
                    @Refresh, @RequestedAal, @InternalContext, @IssuedAt, @ExpiresAt, @Now, @Now)
            """,
            FlowRow.Parameters(flow, network.Id, clock.GetUtcNow()));
    }

    /// <summary>The flow of this kind with this id; null for unknown ids and for flows of another kind.</summary>
    public async Task<Flow?> FindAsync(Guid id, FlowKind kind, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<FlowRow>(
            $"SELECT {Columns} FROM selfservice_flows WHERE nid = @Nid AND id = @Id AND kind = @Kind",
            new { Nid = network.Id, Id = id, Kind = FlowNames.Of(kind) });
        return row?.ToFlow();
    }

    public async Task UpdateAsync(Flow flow, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            UPDATE selfservice_flows
            SET state = @State, return_to = @ReturnTo, ui = @Ui, identity_id = @IdentityId, active_method = @ActiveMethod,
                refresh = @Refresh, requested_aal = @RequestedAal, internal_context = @InternalContext, expires_at = @ExpiresAt, updated_at = @Now
            WHERE nid = @Nid AND id = @Id
            """,
            FlowRow.Parameters(flow, network.Id, clock.GetUtcNow()));
    }

    /// <summary>
    /// Deletes flows that expired before <paramref name="cutoff"/>, and flows never written since they were created
    /// (never submitted) that expired before <paramref name="unsubmittedCutoff"/> (the janitor).
    /// </summary>
    public async Task<int> DeleteExpiredAsync(DateTimeOffset cutoff, DateTimeOffset unsubmittedCutoff, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            """
            DELETE FROM selfservice_flows
            WHERE nid = @Nid AND (expires_at < @Cutoff OR (expires_at < @UnsubmittedCutoff AND updated_at = created_at))
            """,
            new { Nid = network.Id, Cutoff = cutoff, UnsubmittedCutoff = unsubmittedCutoff });
    }
}
