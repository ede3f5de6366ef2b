// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Permissions.Tuples;

/// <summary>
/// <c>namespace:object#relation@subject</c>: Keto's relationship, on the wire too (snake_case: <c>subject_id</c>,
/// <c>subject_set</c>). Exactly one of <see cref="SubjectId"/> and <see cref="SubjectSet"/> is set once parsed.
/// </summary>
internal sealed record RelationTuple(string Namespace, string Object, string Relation, string? SubjectId, SubjectSet? SubjectSet)
{
    /// <summary>The same subject on another object and relation (one hop of a check).</summary>
    public RelationTuple WithObject(SubjectSet set) => this with { Namespace = set.Namespace, Object = set.Object, Relation = set.Relation };

    public override string ToString() => $"{Namespace}:{Object}#{Relation}@{(SubjectSet is null ? SubjectId : SubjectSet.ToString())}";
}
