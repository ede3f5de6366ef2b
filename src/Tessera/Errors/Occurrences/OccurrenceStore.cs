// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text;
using Dapper;
using Tessera.Persistence;

namespace Tessera.Errors.Occurrences;

/// <summary>
/// <c>error_occurrences</c>, <c>flow_funnel_steps</c> and <c>flow_funnel_created</c>, scoped to this node's project (<c>nid</c>): written only by the
/// <see cref="OccurrenceWriter"/>, one multi-row insert per table and batch; deleted after <c>errors.occurrences.lifespan</c>.
/// </summary>
internal sealed class OccurrenceStore(Database database, NetworkContext network, TimeProvider clock, OccurrenceOptions options)
{
    /// <summary>Writes one batch of this project: at most one INSERT per table.</summary>
    public async Task InsertAsync(IReadOnlyList<OccurrenceRecord> batch, IReadOnlyList<CreatedFlows> createdFlows, CancellationToken cancellationToken = default)
    {
        var occurrences = batch.OfType<ErrorOccurrence>().ToList();
        var steps = batch.OfType<FunnelStep>().ToList();
        var created = createdFlows.GroupBy(c => (c.FlowKind, c.Minute))
            .Select(g => (g.Key.FlowKind, g.Key.Minute, Flows: g.Sum(c => c.Flows))).ToList();
        if (occurrences.Count == 0 && steps.Count == 0 && created.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        if (occurrences.Count > 0)
        {
            var (sql, parameters) = Insert(
                "error_occurrences (nid, occurred_at, kind, code, status, flow_kind, flow_id, endpoint, request_id)", occurrences,
                o => [o.OccurredAt, o.Kind, o.Code, o.Status, o.FlowKind, o.FlowId?.ToString("D"), o.Endpoint, o.RequestId]);
            await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        }

        if (steps.Count > 0)
        {
            var (sql, parameters) = Insert(
                "flow_funnel_steps (nid, occurred_at, flow_kind, flow_id, step, error_id)", steps,
                s => [s.OccurredAt, s.FlowKind, s.FlowId.ToString("D"), s.Step, s.ErrorId]);
            await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        }

        if (created.Count > 0)
        {
            // Created flows are counted per kind and minute (a row per flow made every flow creation a write): each
            // batch adds its counts to the minute's row, so batches of one minute, and several nodes, add up.
            var (sql, parameters) = Insert("flow_funnel_created (nid, minute, flow_kind, flows)", created, c => [c.Minute, c.FlowKind, c.Flows]);
            sql += " ON CONFLICT (nid, flow_kind, minute) DO UPDATE SET flows = flow_funnel_created.flows + excluded.flows";
            await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        }
    }

    /// <summary>The start of the minute <paramref name="at"/> falls in: the bucket created flows are counted in.</summary>
    public static DateTimeOffset MinuteOf(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);

    /// <summary>Deletes what is older than <c>errors.occurrences.lifespan</c>; safe to run on several nodes at once.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow() - options.Lifespan;
        await using var connection = await database.OpenAsync(cancellationToken);
        var occurrences = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM error_occurrences WHERE nid = @Nid AND occurred_at < @Cutoff", new { Nid = network.Id, Cutoff = cutoff }, cancellationToken: cancellationToken));
        var steps = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM flow_funnel_steps WHERE nid = @Nid AND occurred_at < @Cutoff", new { Nid = network.Id, Cutoff = cutoff }, cancellationToken: cancellationToken));
        var created = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM flow_funnel_created WHERE nid = @Nid AND minute < @Cutoff", new { Nid = network.Id, Cutoff = MinuteOf(cutoff) }, cancellationToken: cancellationToken));
        return occurrences + steps + created;
    }

    // INSERT INTO table (nid, ...) VALUES (@Nid, @p0_0, ...), (@Nid, @p1_0, ...): one statement for the whole batch.
    private (string Sql, DynamicParameters Parameters) Insert<T>(string table, List<T> rows, Func<T, object?[]> values)
    {
        var sql = new StringBuilder("INSERT INTO ").Append(table).Append(" VALUES ");
        var parameters = new DynamicParameters();
        parameters.Add("Nid", network.Id);
        for (var r = 0; r < rows.Count; r++)
        {
            sql.Append(r == 0 ? "(@Nid" : ", (@Nid");
            var row = values(rows[r]);
            for (var c = 0; c < row.Length; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"p{r}_{c}");
                sql.Append(", @").Append(name);
                parameters.Add(name, row[c]);
            }

            sql.Append(')');
        }

        return (sql.ToString(), parameters);
    }
}
