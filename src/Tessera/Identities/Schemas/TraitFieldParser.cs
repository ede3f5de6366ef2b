// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.Identities.Schemas;

/// <summary>
/// Reads the trait fields and their <c>ory.sh/kratos</c> extensions from an identity schema's
/// <c>properties.traits</c>, following local <c>$ref</c>s (<c>#/definitions/...</c>).
/// </summary>
internal static class TraitFieldParser
{
    private const string ExtensionKey = "ory.sh/kratos";

    public static IReadOnlyList<TraitField> Parse(JsonObject schema)
    {
        var fields = new List<TraitField>();
        if (Resolve(schema, schema["properties"]?["traits"]) is { } traits)
        {
            Walk(schema, traits, ["traits"], required: true, fields, depth: 0);
        }

        return fields;
    }

    public static TraitExtension ParseExtension(JsonNode? extension)
    {
        if (extension is not JsonObject ext)
        {
            return TraitExtension.None;
        }

        var credentials = ext["credentials"];
        return new TraitExtension(
            PasswordIdentifier: IsTrue(credentials?["password"]?["identifier"]),
            CodeIdentifier: IsTrue(credentials?["code"]?["identifier"]),
            CodeVia: Text(credentials?["code"]?["via"]),
            WebAuthnIdentifier: IsTrue(credentials?["webauthn"]?["identifier"]) || IsTrue(credentials?["passkey"]?["display_name"]),
            TotpAccountName: IsTrue(credentials?["totp"]?["account_name"]),
            VerificationVia: Text(ext["verification"]?["via"]),
            RecoveryVia: Text(ext["recovery"]?["via"]));
    }

    private static void Walk(JsonObject root, JsonObject node, List<string> path, bool required, List<TraitField> fields, int depth)
    {
        if (depth > 32)
        {
            return; // A recursive schema; traits deeper than this are not fields a form renders.
        }

        var type = TypeOf(node);
        if (type == "object" && node["properties"] is JsonObject properties)
        {
            var requiredNames = (node["required"] as JsonArray)?.Select(n => n?.ToString()).ToHashSet(StringComparer.Ordinal) ?? [];
            foreach (var (name, child) in properties)
            {
                if (Resolve(root, child) is { } childSchema)
                {
                    Walk(root, childSchema, [.. path, name], required && requiredNames.Contains(name), fields, depth + 1);
                }
            }

            return;
        }

        var isArray = type == "array";
        var leaf = isArray ? Resolve(root, node["items"]) ?? [] : node;
        var extension = ParseExtension(leaf[ExtensionKey] ?? node[ExtensionKey]);
        fields.Add(new TraitField(
            string.Join('.', path),
            "#/" + string.Join('/', path),
            path.Skip(1).ToList(),
            isArray ? TypeOf(leaf) : type,
            Text(leaf["format"]),
            Text(leaf["title"]) ?? Text(node["title"]),
            required,
            isArray,
            Text(leaf["pattern"]),
            Number(leaf["minLength"]),
            Number(leaf["maxLength"]),
            extension));
    }

    private static JsonObject? Resolve(JsonObject root, JsonNode? node)
    {
        for (var hops = 0; node is JsonObject obj && obj["$ref"]?.ToString() is { } reference && hops < 8; hops++)
        {
            if (!reference.StartsWith("#/", StringComparison.Ordinal))
            {
                return obj;
            }

            node = root;
            foreach (var segment in reference[2..].Split('/'))
            {
                node = node?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            }
        }

        return node as JsonObject;
    }

    private static string TypeOf(JsonObject node) => node["type"] switch
    {
        JsonValue v => v.ToString(),
        JsonArray a => a.Select(t => t?.ToString()).FirstOrDefault(t => t is not null and not "null") ?? "string",
        _ => node["properties"] is not null ? "object" : "string",
    };

    private static bool IsTrue(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static int? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var n) ? n : null;
}
