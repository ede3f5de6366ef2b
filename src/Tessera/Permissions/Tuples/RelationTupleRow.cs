// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Permissions.Tuples;

/// <summary>A stored tuple; absent subject parts are '' (the unique index needs non-null columns).</summary>
internal sealed class RelationTupleRow
{
    public Guid Id { get; init; }

    public Guid Nid { get; init; }

    public string Namespace { get; init; } = string.Empty;

    public string Object { get; init; } = string.Empty;

    public string Relation { get; init; } = string.Empty;

    public string SubjectId { get; init; } = string.Empty;

    public string SubjectSetNamespace { get; init; } = string.Empty;

    public string SubjectSetObject { get; init; } = string.Empty;

    public string SubjectSetRelation { get; init; } = string.Empty;

    public DateTimeOffset CreatedAt { get; init; }

    public static RelationTupleRow From(RelationTuple tuple, Guid nid, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Nid = nid,
        Namespace = tuple.Namespace,
        Object = tuple.Object,
        Relation = tuple.Relation,
        SubjectId = tuple.SubjectId ?? string.Empty,
        SubjectSetNamespace = tuple.SubjectSet?.Namespace ?? string.Empty,
        SubjectSetObject = tuple.SubjectSet?.Object ?? string.Empty,
        SubjectSetRelation = tuple.SubjectSet?.Relation ?? string.Empty,
        CreatedAt = now,
    };

    public RelationTuple ToTuple() => SubjectSetNamespace.Length > 0
        ? new RelationTuple(Namespace, Object, Relation, null, new SubjectSet(SubjectSetNamespace, SubjectSetObject, SubjectSetRelation))
        : new RelationTuple(Namespace, Object, Relation, SubjectId, null);
}
