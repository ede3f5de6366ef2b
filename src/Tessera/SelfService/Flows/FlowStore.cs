// SPDX-License-Identifier: Apache-2.0
using System.Data.Common;
using Dapper;
using Tessera.Errors.Occurrences;
using Tessera.Observability;
using Tessera.Persistence;

namespace Tessera.SelfService.Flows;

/// <summary>
/// Flows in the database, scoped to this project's nid. No update is read-then-write: every one is conditional on
/// the version read (<see cref="SaveAsync"/>) or, for the one move into a final state, on the flow not being there yet
/// (<see cref="ClaimAsync(Flow, CancellationToken)"/>).
/// </summary>
internal sealed class FlowStore(Database database, NetworkContext network, TimeProvider clock, OccurrenceRecorder occurrences)
{
    private const string Columns =
        "id, kind, type, state, request_url, return_to, ui, csrf_token, identity_id, active_method, refresh, requested_aal, internal_context, issued_at, expires_at, version, created_at, updated_at";

    private const string UpdateSet =
        """
        UPDATE selfservice_flows
        SET state = @State, return_to = @ReturnTo, ui = @Ui, identity_id = @IdentityId, active_method = @ActiveMethod, refresh = @Refresh,
            requested_aal = @RequestedAal, internal_context = @InternalContext, expires_at = @ExpiresAt, version = version + 1, updated_at = @Now
        """;

    private const int MaxRebases = 100;

    // A settings flow that saved a change (it stays usable: FlowFinality).
    private const string SettingsSucceeded = "success";

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
        TesseraMeter.Flow(FlowNames.Of(flow.Kind), "created");
        occurrences.Step(FlowNames.Of(flow.Kind), flow.Id, FunnelSteps.Created);
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

    /// <summary>
    /// Writes the flow over the version it was read at (optimistic concurrency). When another submission wrote first,
    /// the stored flow decides: finished, it is never overwritten (<see cref="FlowSaveOutcome.Finished"/>); still at
    /// the step this flow was read at, the write is repeated over the new version, since both re-rendered the same
    /// step (last one wins, as two people typing in one form); gone on to another step, it is left as it is
    /// (<see cref="FlowSaveOutcome.Moved"/>).
    /// </summary>
    public async Task<FlowSave> SaveAsync(Flow flow, CancellationToken cancellationToken = default)
    {
        var readState = flow.StoredState ?? flow.State;
        var attempt = flow;
        for (var round = 0; ; round++)
        {
            if (await TryUpdateAsync(attempt, cancellationToken) is { } saved)
            {
                if (saved.Kind == FlowKind.Settings && saved.State == SettingsSucceeded)
                {
                    TesseraMeter.Flow(FlowNames.Of(saved.Kind), "succeeded");
                    occurrences.Step(FlowNames.Of(saved.Kind), saved.Id, FunnelSteps.Succeeded);
                }

                return new FlowSave(saved, FlowSaveOutcome.Saved);
            }

            var stored = await FindAsync(flow.Id, flow.Kind, cancellationToken);
            if (stored is null)
            {
                // Deleted meanwhile (the janitor, after expiry): there is nothing left to keep consistent with.
                return new FlowSave(flow, FlowSaveOutcome.Moved);
            }

            if (FlowFinality.IsFinished(stored))
            {
                return new FlowSave(stored, FlowSaveOutcome.Finished);
            }

            // Each round lost to a write that succeeded, so this ends; the bound only caps a pathological pile-up.
            if (stored.State != readState || round >= MaxRebases)
            {
                return new FlowSave(stored, FlowSaveOutcome.Moved);
            }

            attempt = flow with { Version = stored.Version };
        }
    }

    /// <summary>
    /// Moves the flow into its final state (<paramref name="finished"/>'s) unless it is there already: of any number of
    /// concurrent claims exactly one changes the row and returns true. The final state is terminal (no save leaves it),
    /// so the condition is the state, not the version: a wrong submission re-rendering the flow meanwhile cannot make
    /// the right one lose.
    /// </summary>
    public async Task<bool> ClaimAsync(Flow finished, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ClaimAsync(finished, connection, transaction: null);
    }

    /// <summary>
    /// The same inside the caller's transaction, so the claim and what completing does (a registration's identity)
    /// commit or roll back together. On PostgreSQL a concurrent claim waits on the row lock until this transaction
    /// ends, then finds the flow finished (commit) or claims it itself (rollback): a failed attempt never burns the flow.
    /// </summary>
    public async Task<bool> ClaimAsync(Flow finished, DbConnection connection, DbTransaction? transaction)
    {
        if (!FlowFinality.IsFinished(finished))
        {
            throw new ArgumentException($"a claim moves a flow into its final state, not {finished.State}", nameof(finished));
        }

        var changed = await connection.ExecuteAsync(
            $"{UpdateSet} WHERE nid = @Nid AND id = @Id AND state <> @State",
            FlowRow.Parameters(finished, network.Id, clock.GetUtcNow()),
            transaction);
        if (changed == 1)
        {
            TesseraMeter.Flow(FlowNames.Of(finished.Kind), "succeeded");
            occurrences.Step(FlowNames.Of(finished.Kind), finished.Id, FunnelSteps.Succeeded);
        }

        return changed == 1;
    }

    private async Task<Flow?> TryUpdateAsync(Flow flow, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(
            $"{UpdateSet} WHERE nid = @Nid AND id = @Id AND version = @Version",
            FlowRow.Parameters(flow, network.Id, clock.GetUtcNow()));
        return changed == 1 ? flow with { Version = flow.Version + 1, StoredState = flow.State } : null;
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
