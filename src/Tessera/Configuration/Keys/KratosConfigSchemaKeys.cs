// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.Configuration.Keys;

/// <summary>
/// The leaf keys of Kratos's configuration JSON Schema, dotted (<c>selfservice.flows.login.lifespan</c>): properties
/// are followed through <c>$ref</c> to definitions and through allOf/anyOf/oneOf; a list or a free-form map is one
/// key. Used to check <see cref="KeyTable"/> and to write docs/compatibility.md.
/// </summary>
internal static class KratosConfigSchemaKeys
{
    public static IReadOnlyList<string> Flatten(JsonObject schema)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        Walk(schema, schema, string.Empty, keys, depth: 0);
        return [.. keys];
    }

    private static void Walk(JsonObject root, JsonNode? node, string path, SortedSet<string> keys, int depth)
    {
        var properties = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (Resolve(root, node) is { } resolved && depth < 20)
        {
            foreach (var combinator in new[] { "allOf", "anyOf", "oneOf" })
            {
                foreach (var sub in resolved[combinator] as JsonArray ?? [])
                {
                    Collect(Resolve(root, sub), properties);
                }
            }

            Collect(resolved, properties);
        }

        if (properties.Count == 0)
        {
            keys.Add(path);
            return;
        }

        foreach (var (name, child) in properties)
        {
            Walk(root, child, path.Length == 0 ? name : $"{path}.{name}", keys, depth + 1);
        }
    }

    private static void Collect(JsonObject? node, Dictionary<string, JsonNode?> properties)
    {
        foreach (var (name, child) in node?["properties"] as JsonObject ?? [])
        {
            properties[name] = child;
        }
    }

    private static JsonObject? Resolve(JsonObject root, JsonNode? node)
    {
        for (var hops = 0; hops < 10 && node is JsonObject obj; hops++)
        {
            if (obj["$ref"]?.GetValue<string>() is not { } reference)
            {
                return obj;
            }

            // Only local references: the tracing schema Kratos pulls in by an ory:// URL stays one key.
            node = reference.StartsWith("#/definitions/", StringComparison.Ordinal)
                ? root["definitions"]?[reference["#/definitions/".Length..]]
                : null;
        }

        return null;
    }
}
