// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Errors;

namespace Tessera.Permissions.Tuples;

/// <summary>
/// Reads Keto's relationship from a query string (<c>subject_set.namespace</c>, ...) or a JSON body
/// (<c>subject_set: {...}</c>) and validates it against the configured namespaces: a malformed tuple is 400
/// <c>relation_tuple_invalid</c>, an unknown namespace 404 <c>relation_namespace_unknown</c> (Keto's statuses).
/// </summary>
internal sealed class RelationTupleParser(PermissionsOptions options)
{
    public static Result<RelationQuery> QueryFrom(IQueryCollection query)
    {
        string? Get(string key) => query.TryGetValue(key, out var value) ? value.ToString() : null;

        var setParts = new[] { Get("subject_set.namespace"), Get("subject_set.object"), Get("subject_set.relation") };
        SubjectSet? set = null;
        if (setParts.Any(p => p is not null))
        {
            if (setParts.Any(p => p is null))
            {
                return Invalid(ErrorCatalog.RelationQueryInvalid, "subject_set.namespace, subject_set.object and subject_set.relation must be given together");
            }

            set = new SubjectSet(setParts[0]!, setParts[1]!, setParts[2]!);
        }

        return new RelationQuery(Get("namespace"), Get("object"), Get("relation"), Get("subject_id"), set);
    }

    public static Result<RelationQuery> QueryFrom(JsonNode? body)
    {
        if (body is not JsonObject json)
        {
            return Invalid(ErrorCatalog.RelationTupleInvalid, "the body must be a JSON object");
        }

        var namespaceName = Text(json, "namespace", out var bad1);
        var obj = Text(json, "object", out var bad2);
        var relation = Text(json, "relation", out var bad3);
        var subjectId = Text(json, "subject_id", out var bad4);
        if ((bad1 ?? bad2 ?? bad3 ?? bad4) is { } wrong)
        {
            return Invalid(ErrorCatalog.RelationTupleInvalid, $"{wrong} must be a string");
        }

        SubjectSet? set = null;
        switch (json["subject_set"])
        {
            case null:
                break;
            case JsonObject setJson:
                var ns = Text(setJson, "namespace", out _);
                var so = Text(setJson, "object", out _);
                var sr = Text(setJson, "relation", out _);
                if (ns is null || so is null || sr is null)
                {
                    return Invalid(ErrorCatalog.RelationTupleInvalid, "subject_set needs namespace, object and relation");
                }

                set = new SubjectSet(ns, so, sr);
                break;
            default:
                return Invalid(ErrorCatalog.RelationTupleInvalid, "subject_set must be an object");
        }

        return new RelationQuery(namespaceName, obj, relation, subjectId, set);
    }

    /// <summary>A complete tuple: namespace, object, relation and exactly one subject, in known namespaces.</summary>
    public Result<RelationTuple> TupleFrom(RelationQuery query)
    {
        if (string.IsNullOrEmpty(query.Namespace) || query.Object is null || query.Relation is null)
        {
            return Invalid(ErrorCatalog.RelationTupleInvalid, "namespace, object and relation are required");
        }

        if ((query.SubjectId is null) == (query.SubjectSet is null))
        {
            return Invalid(ErrorCatalog.RelationTupleInvalid, "exactly one of subject_id and subject_set is required");
        }

        if (query.SubjectId is { Length: 0 })
        {
            return Invalid(ErrorCatalog.RelationTupleInvalid, "subject_id must not be empty");
        }

        var known = Known(query);
        return known.Succeeded
            ? new RelationTuple(query.Namespace, query.Object, query.Relation, query.SubjectId, query.SubjectSet)
            : known.Error;
    }

    /// <summary>A filter whose namespaces (if named) are configured.</summary>
    public Result<RelationQuery> Known(RelationQuery query)
    {
        if (query.Namespace is not null && !options.IsKnown(query.Namespace))
        {
            return UnknownNamespace(query.Namespace);
        }

        return query.SubjectSet is not null && !options.IsKnown(query.SubjectSet.Namespace)
            ? UnknownNamespace(query.SubjectSet.Namespace)
            : query;
    }

    public static TesseraError UnknownNamespace(string name) =>
        ErrorCatalog.RelationNamespaceUnknown.With(new Dictionary<string, object?> { ["namespace"] = name });

    public static TesseraError Invalid(ErrorDescriptor descriptor, string problem) =>
        descriptor.With(new Dictionary<string, object?> { ["problem"] = problem });

    private static string? Text(JsonObject json, string key, out string? wrongType)
    {
        wrongType = null;
        var node = json[key];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }

        wrongType = key;
        return null;
    }
}
