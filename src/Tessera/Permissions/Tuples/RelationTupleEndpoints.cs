// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Hosting.RequestBodies;

namespace Tessera.Permissions.Tuples;

/// <summary>
/// Keto's relationship API:
/// PUT    /admin/relation-tuples   createRelationship    (admin)
/// DELETE /admin/relation-tuples   deleteRelationships   (admin, Keto's query filters)
/// PATCH  /admin/relation-tuples   patchRelationships    (admin, insert/delete actions, all or nothing)
/// GET    /relation-tuples         getRelationships      (public, page_token/page_size)
/// </summary>
internal static class RelationTupleEndpoints
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;

    public static IEndpointRouteBuilder MapRelationTupleEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapAdminApi();
        admin.MapPut("/admin/relation-tuples", CreateRelationship);
        admin.MapDelete("/admin/relation-tuples", DeleteRelationships);
        admin.MapPatch("/admin/relation-tuples", PatchRelationships);
        endpoints.MapPublicApi().MapGet("/relation-tuples", GetRelationships);
        return endpoints;
    }

    private static async Task<Results<Created<RelationTuple>, ErrorResult>> CreateRelationship(
        HttpRequest request, RelationTupleParser parser, RelationTupleStore store, CancellationToken cancellationToken)
    {
        var tuple = await ReadTupleAsync(request, parser, cancellationToken);
        if (!tuple.Succeeded)
        {
            return new ErrorResult(tuple.Error);
        }

        await store.InsertAsync(tuple.Value, cancellationToken);
        return TypedResults.Created("/relation-tuples" + QueryStringOf(tuple.Value), tuple.Value);
    }

    private static async Task<Results<NoContent, ErrorResult>> DeleteRelationships(
        HttpRequest request, RelationTupleParser parser, RelationTupleStore store, CancellationToken cancellationToken)
    {
        var query = RelationTupleParser.QueryFrom(request.Query);
        if (query.Succeeded && query.Value.IsEmpty)
        {
            // An empty filter would match every tuple of the project: never by accident.
            return new ErrorResult(RelationTupleParser.Invalid(ErrorCatalog.RelationQueryInvalid, "at least one filter is required"));
        }

        var known = query.Succeeded ? parser.Known(query.Value) : query;
        if (!known.Succeeded)
        {
            return new ErrorResult(known.Error);
        }

        await store.DeleteAsync(known.Value, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ErrorResult>> PatchRelationships(
        HttpRequest request, RelationTupleParser parser, RelationTupleStore store, CancellationToken cancellationToken)
    {
        var body = await RequestBodyReader.ReadJsonNodeAsync(request, cancellationToken);
        if (!body.Succeeded)
        {
            return new ErrorResult(body.Error);
        }

        if (body.Value is not JsonArray actions)
        {
            return new ErrorResult(RelationTupleParser.Invalid(ErrorCatalog.RelationTupleInvalid, "the body must be a list of {action, relation_tuple}"));
        }

        // Every action is validated before any is applied: a bad one refuses the whole patch, as Keto does.
        var inserts = new List<RelationTuple>();
        var deletes = new List<RelationTuple>();
        foreach (var item in actions)
        {
            var action = item?["action"] is JsonValue a && a.TryGetValue<string>(out var text) ? text : null;
            if (action is not ("insert" or "delete"))
            {
                return new ErrorResult(RelationTupleParser.Invalid(ErrorCatalog.RelationTupleInvalid, "action must be insert or delete"));
            }

            var query = RelationTupleParser.QueryFrom(item!["relation_tuple"]);
            var tuple = query.Succeeded ? parser.TupleFrom(query.Value) : Result<RelationTuple>.Failure(query.Error);
            if (!tuple.Succeeded)
            {
                return new ErrorResult(tuple.Error);
            }

            (action == "insert" ? inserts : deletes).Add(tuple.Value);
        }

        await store.PatchAsync(inserts, deletes, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<RelationshipsResponse>, ErrorResult>> GetRelationships(
        HttpRequest request, RelationTupleParser parser, RelationTupleStore store, CancellationToken cancellationToken)
    {
        var query = RelationTupleParser.QueryFrom(request.Query);
        var known = query.Succeeded ? parser.Known(query.Value) : query;
        if (!known.Succeeded)
        {
            return new ErrorResult(known.Error);
        }

        var pageSize = DefaultPageSize;
        if (request.Query.TryGetValue("page_size", out var size)
            && (!int.TryParse(size, System.Globalization.CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            return new ErrorResult(RelationTupleParser.Invalid(ErrorCatalog.RelationQueryInvalid, $"page_size must be a whole number from 1 to {MaxPageSize}"));
        }

        if (!RelationTuplePageToken.TryRead(request.Query["page_token"], out var after))
        {
            return new ErrorResult(RelationTupleParser.Invalid(ErrorCatalog.RelationQueryInvalid, "page_token is not one this API returned"));
        }

        var rows = await store.ListAsync(known.Value, after, pageSize + 1, cancellationToken);
        var page = rows.Take(pageSize).ToList();
        var next = rows.Count > pageSize ? RelationTuplePageToken.For(page[^1].Id) : string.Empty;
        return TypedResults.Ok(new RelationshipsResponse(page.Select(r => r.ToTuple()).ToList(), next));
    }

    /// <summary>A JSON body holding one tuple, validated (shared with the POST checks).</summary>
    public static async Task<Result<RelationTuple>> ReadTupleAsync(HttpRequest request, RelationTupleParser parser, CancellationToken cancellationToken)
    {
        var body = await RequestBodyReader.ReadJsonNodeAsync(request, cancellationToken);
        if (!body.Succeeded)
        {
            return body.Error;
        }

        var query = RelationTupleParser.QueryFrom(body.Value);
        return query.Succeeded ? parser.TupleFrom(query.Value) : query.Error;
    }

    private static string QueryStringOf(RelationTuple tuple)
    {
        var query = new QueryBuilder
        {
            { "namespace", tuple.Namespace },
            { "object", tuple.Object },
            { "relation", tuple.Relation },
        };
        if (tuple.SubjectSet is { } set)
        {
            query.Add("subject_set.namespace", set.Namespace);
            query.Add("subject_set.object", set.Object);
            query.Add("subject_set.relation", set.Relation);
        }
        else
        {
            query.Add("subject_id", tuple.SubjectId!);
        }

        return query.ToString();
    }
}
