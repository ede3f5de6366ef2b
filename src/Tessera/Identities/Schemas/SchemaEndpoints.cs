// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.HttpResults;
using Tessera.Errors;
using Tessera.Hosting;

namespace Tessera.Identities.Schemas;

/// <summary>
/// GET /schemas        ListIdentitySchemas (both listeners)
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

    private static async Task<Ok<IReadOnlyList<IdentitySchemaContainer>>> ListIdentitySchemas(IdentitySchemaRegistry registry, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<IdentitySchemaContainer>>(
            (await registry.AllAsync(cancellationToken)).Select(s => new IdentitySchemaContainer(s.Id, s.Document)).ToList());

    private static async Task<Results<Ok<System.Text.Json.Nodes.JsonObject>, ErrorResult>> GetIdentitySchema(
        string id, IdentitySchemaRegistry registry, CancellationToken cancellationToken) =>
        await registry.FindAsync(id, cancellationToken) is { } schema
            ? TypedResults.Ok(schema.Document)
            : new ErrorResult(new TesseraError(ErrorCatalog.IdentitySchemaNotFound, Reason: "Unable to find the JSON Schema with this id."));
}
