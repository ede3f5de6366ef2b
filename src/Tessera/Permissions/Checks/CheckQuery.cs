// SPDX-License-Identifier: Apache-2.0
using System.Data.Common;
using Dapper;
using Tessera.Permissions.Tuples;

namespace Tessera.Permissions.Checks;

/// <summary>
/// A whole check in one round trip (<c>WITH RECURSIVE</c>, the same SQL in SQLite and PostgreSQL): the subject sets
/// reachable from (namespace, object, relation) through subject-set tuples in fewer than <c>depth</c> levels, then
/// whether any of them holds the subject. Rows are (subject set, level) and <c>UNION</c> drops repeats, so a cycle
/// adds at most one row per level and the recursion ends at the depth limit; each step is an index range of the
/// unique index (subject_id '' marks subject-set rows), so tuples of other subject ids are never read.
/// </summary>
internal static class CheckQuery
{
    private const string Sql = """
        WITH RECURSIVE reach (namespace, object, relation, lvl) AS (
            SELECT @Namespace, @Object, @Relation, 0
            UNION
            SELECT t.subject_set_namespace, t.subject_set_object, t.subject_set_relation, r.lvl + 1
            FROM reach r JOIN relation_tuples t
                ON t.nid = @Nid AND t.namespace = r.namespace AND t.object = r.object AND t.relation = r.relation AND t.subject_id = ''
            WHERE r.lvl + 1 < @Depth
        )
        SELECT 1 FROM reach r JOIN relation_tuples t
            ON t.nid = @Nid AND t.namespace = r.namespace AND t.object = r.object AND t.relation = r.relation
            AND t.subject_id = @SubjectId AND t.subject_set_namespace = @SetNamespace
            AND t.subject_set_object = @SetObject AND t.subject_set_relation = @SetRelation
        LIMIT 1
        """;

    /// <summary>Whether the tuple is found directly or through subject sets at levels 0 .. depth−1.</summary>
    public static async Task<bool> ReachesAsync(DbConnection connection, Guid nid, RelationTuple tuple, int depth) =>
        await connection.ExecuteScalarAsync<int?>(Sql, new
        {
            Nid = nid,
            tuple.Namespace,
            tuple.Object,
            tuple.Relation,
            Depth = depth,
            SubjectId = tuple.SubjectId ?? string.Empty,
            SetNamespace = tuple.SubjectSet?.Namespace ?? string.Empty,
            SetObject = tuple.SubjectSet?.Object ?? string.Empty,
            SetRelation = tuple.SubjectSet?.Relation ?? string.Empty,
        }) is not null;
}
