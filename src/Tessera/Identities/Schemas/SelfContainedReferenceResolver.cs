// SPDX-License-Identifier: Apache-2.0
using NJsonSchema;
using NJsonSchema.References;

namespace Tessera.Identities.Schemas;

/// <summary>
/// Resolves only a schema's own <c>#/...</c> references: one pointing at a file or a URL is refused. A project's inline
/// schema comes from a tenant, not the operator, so compiling it must never read the server's files or call out.
/// </summary>
internal sealed class SelfContainedReferenceResolver(JsonSchema schema)
    : JsonReferenceResolver(new JsonSchemaAppender(schema, new DefaultTypeNameGenerator()))
{
    public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("a project's schema may only $ref its own definitions (#/...), not a file");

    public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("a project's schema may only $ref its own definitions (#/...), not a URL");
}
