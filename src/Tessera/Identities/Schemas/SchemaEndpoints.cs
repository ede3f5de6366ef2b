// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.HttpResults;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Hosting.Pagination;

namespace Tessera.Identities.Schemas;

/// <summary>
/// GET /schemas        ListIdentitySchemas (Paginator; both listeners)
/// GET /schemas/{id}   GetIdentitySchema: the schema document; the id may be base64url-encoded as in schema_url (both listeners)
/// </summary>
internal static class SchemaEndpoints
{
    public static IEndpointRouteBuilder MapSchemaEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var both = endpoints.MapBothApis();
        both.MapGet("/schemas", ListIdentitySchemas);
        both.MapGet("/schemas/{id}", GetIdentitySchema);
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<IdentitySchemaContainer>>, ErrorResult>> ListIdentitySchemas(
        HttpContext context, IdentitySchemaRegistry registry, CancellationToken cancellationToken)
    {
        if (!Paginator.Parse<SchemaListPosition>(context.Request.Query).TryGetValue(out var paging, out var error))
        {
            return new ErrorResult(error);
        }

        var all = await registry.AllAsync(cancellationToken);
        var start = paging.IsLegacy ? paging.Offset : 0;
        if (paging.After is { } after)
        {
            var index = all.ToList().FindIndex(s => s.Id == after.Id);
            if (index < 0)
            {
                // The schemas come from the configuration: a token naming none of them was not issued by this server.
                return new ErrorResult(Paginator.UnknownPageToken());
            }

            start = index + 1;
        }

        var items = all.Skip((int)Math.Min(start, all.Count)).Take(paging.Size).ToList();
        var next = start + items.Count < all.Count ? new SchemaListPosition(items[^1].Id) : null;
        PageHeaders.Write(context, paging, next, all.Count);
        return TypedResults.Ok<IReadOnlyList<IdentitySchemaContainer>>(items.Select(s => new IdentitySchemaContainer(s.Id, s.Document)).ToList());
    }

    private static async Task<Results<Ok<System.Text.Json.Nodes.JsonObject>, ErrorResult>> GetIdentitySchema(
        string id, IdentitySchemaRegistry registry, CancellationToken cancellationToken) =>
        await registry.FindAsync(id, cancellationToken) is { } schema
            ? TypedResults.Ok(schema.Document)
            : new ErrorResult(new TesseraError(ErrorCatalog.IdentitySchemaNotFound, Reason: "Unable to find the JSON Schema with this id."));
}
