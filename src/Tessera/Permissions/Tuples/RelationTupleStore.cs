// SPDX-License-Identifier: Apache-2.0
using Dapper;
using Tessera.Identities;
using Tessera.Persistence;

namespace Tessera.Permissions.Tuples;

/// <summary>
/// Relation tuples in SQL (the same statements for SQLite and PostgreSQL), every statement scoped to the project's
/// <c>nid</c>. Writing a tuple that exists is a no-op decided by the unique index (<c>ON CONFLICT DO NOTHING</c>), so
/// concurrent writers on any node never duplicate one. Every write bumps <see cref="LocalWrites"/> when it is over, so
/// this node's check cache drops what it may have made stale.
/// </summary>
internal sealed class RelationTupleStore(Database database, NetworkContext network, LocalWrites writes, TimeProvider clock)
{
    private const string Columns =
        "id, namespace, object, relation, subject_id, subject_set_namespace, subject_set_object, subject_set_relation";

    /// <summary>Applies inserts and deletes in one transaction (Keto's PATCH: all or nothing).</summary>
    public async Task PatchAsync(IReadOnlyList<RelationTuple> inserts, IReadOnlyList<RelationTuple> deletes, CancellationToken cancellationToken = default)
    {
        using var write = writes.Write();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var rows = inserts.Select(t => RelationTupleRow.From(t, network.Id, now)).ToList();
        await MultiRowInsert.ExecuteAsync(connection, transaction, "relation_tuples", rows, "ON CONFLICT DO NOTHING");
        foreach (var tuple in deletes)
        {
            var (where, parameters) = RelationQuerySql.Where(RelationQuery.Exactly(tuple), network.Id);
            await connection.ExecuteAsync($"DELETE FROM relation_tuples WHERE {where}", parameters, transaction);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public Task InsertAsync(RelationTuple tuple, CancellationToken cancellationToken = default) =>
        PatchAsync([tuple], [], cancellationToken);

    /// <summary>Deletes every tuple the query matches (Keto: an empty query is refused before it gets here).</summary>
    public async Task<int> DeleteAsync(RelationQuery query, CancellationToken cancellationToken = default)
    {
        using var write = writes.Write();
        await using var connection = await database.OpenAsync(cancellationToken);
        var (where, parameters) = RelationQuerySql.Where(query, network.Id);
        return await connection.ExecuteAsync($"DELETE FROM relation_tuples WHERE {where}", parameters);
    }

    /// <summary>One page in id order (ids are time-ordered UUIDv7), after <paramref name="afterId"/>.</summary>
    public async Task<IReadOnlyList<RelationTupleRow>> ListAsync(RelationQuery query, Guid? afterId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var (where, parameters) = RelationQuerySql.Where(query, network.Id);
        if (afterId is { } after)
        {
            where += " AND id > @After";
            parameters.Add("After", after);
        }

        parameters.Add("Limit", limit);
        return (await connection.QueryAsync<RelationTupleRow>(
            $"SELECT {Columns} FROM relation_tuples WHERE {where} ORDER BY id LIMIT @Limit", parameters)).AsList();
    }
}
