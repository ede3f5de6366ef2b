// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Permissions.Tuples;

/// <summary>
/// Keto's query filters (<c>namespace</c>, <c>object</c>, <c>relation</c>, <c>subject_id</c>,
/// <c>subject_set.namespace|object|relation</c>): every member that is set must match.
/// </summary>
internal sealed record RelationQuery(string? Namespace, string? Object, string? Relation, string? SubjectId, SubjectSet? SubjectSet)
{
    public static RelationQuery Exactly(RelationTuple tuple) =>
        new(tuple.Namespace, tuple.Object, tuple.Relation, tuple.SubjectId ?? string.Empty, tuple.SubjectSet);

    public bool IsEmpty => Namespace is null && Object is null && Relation is null && SubjectId is null && SubjectSet is null;
}
