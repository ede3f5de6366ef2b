// SPDX-License-Identifier: Apache-2.0
using System.Text;
using Dapper;

namespace Tessera.Permissions.Tuples;

/// <summary>The <c>WHERE</c> clause of a <see cref="RelationQuery"/>: the project, then each filter that is set.</summary>
internal static class RelationQuerySql
{
    public static (string Where, DynamicParameters Parameters) Where(RelationQuery query, Guid nid)
    {
        var sql = new StringBuilder("nid = @Nid");
        var parameters = new DynamicParameters(new { Nid = nid });
        void Add(string column, string? value)
        {
            if (value is not null)
            {
                sql.Append(" AND ").Append(column).Append(" = @").Append(column);
                parameters.Add(column, value);
            }
        }

        Add("namespace", query.Namespace);
        Add("object", query.Object);
        Add("relation", query.Relation);
        Add("subject_id", query.SubjectId);
        Add("subject_set_namespace", query.SubjectSet?.Namespace);
        Add("subject_set_object", query.SubjectSet?.Object);
        Add("subject_set_relation", query.SubjectSet?.Relation);
        return (sql.ToString(), parameters);
    }
}
