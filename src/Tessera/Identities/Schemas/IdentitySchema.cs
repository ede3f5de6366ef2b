// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using NJsonSchema;

namespace Tessera.Identities.Schemas;

/// <summary>
/// A loaded identity schema: its id, where it came from, the document as served by <c>GET /schemas/{id}</c>, the
/// compiled validator, and the trait fields the flows render and take identifiers and addresses from.
/// </summary>
internal sealed record IdentitySchema(string Id, string Url, JsonObject Document, JsonSchema Compiled, IReadOnlyList<TraitField> Fields)
{
    public IEnumerable<TraitField> PasswordIdentifiers => Fields.Where(f => f.Extension.PasswordIdentifier);

    public IEnumerable<TraitField> CodeIdentifiers => Fields.Where(f => f.Extension.CodeIdentifier);

    public IEnumerable<TraitField> VerifiableAddresses => Fields.Where(f => f.Extension.VerificationVia is not null);

    public IEnumerable<TraitField> RecoveryAddresses => Fields.Where(f => f.Extension.RecoveryVia is not null);

    /// <summary>The values of a field in the traits (one, or each element of an array), as strings.</summary>
    public static IEnumerable<string> Values(JsonObject traits, TraitField field)
    {
        JsonNode? node = traits;
        foreach (var segment in field.Path)
        {
            node = (node as JsonObject)?[segment];
        }

        var values = node is JsonArray array ? array.ToList() : [node];
        foreach (var value in values)
        {
            if (value is JsonValue v && v.ToString() is { Length: > 0 } text)
            {
                yield return text;
            }
        }
    }
}
