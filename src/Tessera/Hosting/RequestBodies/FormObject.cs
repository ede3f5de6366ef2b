// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Errors;

namespace Tessera.Hosting.RequestBodies;

/// <summary>
/// A URL-encoded form as the JSON object Kratos decodes it into: <c>traits.email=a</c> becomes
/// <c>{"traits":{"email":"a"}}</c>, a repeated field an array. Values stay strings; the schema decides their type.
/// </summary>
internal static class FormObject
{
    public static Result<JsonObject> From(IFormCollection form)
    {
        var root = new JsonObject();
        foreach (var (name, values) in form)
        {
            var segments = name.Split('.');
            if (segments.Any(s => s.Length == 0))
            {
                return RequestErrors.Malformed($"the form field name \"{Printable(name)}\" is not valid");
            }

            var parent = root;
            foreach (var segment in segments[..^1])
            {
                if (parent[segment] is null && !parent.ContainsKey(segment))
                {
                    parent[segment] = new JsonObject();
                }

                if (parent[segment] is not JsonObject child)
                {
                    return RequestErrors.Malformed($"the form field \"{Printable(name)}\" conflicts with another field");
                }

                parent = child;
            }

            var leaf = segments[^1];
            if (parent.ContainsKey(leaf))
            {
                return RequestErrors.Malformed($"the form field \"{Printable(name)}\" conflicts with another field");
            }

            parent[leaf] = values.Count == 1
                ? JsonValue.Create(values[0])
                : new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        }

        return root;
    }

    // The name is echoed in the reason: keep it short and printable.
    private static string Printable(string name)
    {
        var clean = new string(name.Where(c => !char.IsControl(c)).Take(64).ToArray());
        return clean.Length < name.Length ? clean + "..." : clean;
    }
}
