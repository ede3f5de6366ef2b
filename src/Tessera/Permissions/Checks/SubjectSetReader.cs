// SPDX-License-Identifier: Apache-2.0
using System.Data.Common;
using Dapper;
using Tessera.Permissions.Tuples;

namespace Tessera.Permissions.Checks;

/// <summary>
/// One node of a check, in one indexed query: does (namespace, object, relation) hold the subject directly, and which
/// subject sets does it hold (the next hop). Rows of other subject ids are never read, however many there are.
/// </summary>
internal static class SubjectSetReader
{
    /// <summary>Subject sets read per node at most (Keto's read width); a wider node is cut, never unbounded.</summary>
    public const int MaxWidth = 1000;

    public static async Task<(bool Direct, List<SubjectSet> Sets)> ReadAsync(
        DbConnection connection, Guid nid, SubjectSet node, RelationTuple subject)
    {
        // subject_id '' marks subject-set rows; the subject's own row, if any, sorts first (DESC) so the cut never hides it.
        var rows = await connection.QueryAsync<RelationTupleRow>(
            "SELECT subject_id, subject_set_namespace, subject_set_object, subject_set_relation FROM relation_tuples " +
            "WHERE nid = @Nid AND namespace = @Namespace AND object = @Object AND relation = @Relation AND subject_id IN ('', @SubjectId) " +
            "ORDER BY subject_id DESC LIMIT @Width",
            new
            {
                Nid = nid,
                node.Namespace,
                node.Object,
                node.Relation,
                SubjectId = subject.SubjectId ?? string.Empty,
                Width = MaxWidth,
            });

        var direct = false;
        var sets = new List<SubjectSet>();
        foreach (var row in rows)
        {
            if (row.SubjectSetNamespace.Length == 0)
            {
                direct |= subject.SubjectId is not null && row.SubjectId == subject.SubjectId;
                continue;
            }

            var set = new SubjectSet(row.SubjectSetNamespace, row.SubjectSetObject, row.SubjectSetRelation);
            direct |= set == subject.SubjectSet;
            sets.Add(set);
        }

        return (direct, sets);
    }
}
