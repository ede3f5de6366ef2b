// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.OAuth2.Clients;

/// <summary>
/// RFC 6902 JSON Patch (add, remove, replace, test) over a client document, as Hydra's <c>PATCH /admin/clients/{id}</c>
/// takes it. Paths are JSON Pointers (RFC 6901) into the document's objects and arrays; "-" appends to an array.
/// The result is validated as a whole client afterwards, so a patch can never store what a PUT could not.
/// </summary>
internal static class ClientJsonPatch
{
    /// <summary>The patched copy of <paramref name="document"/>, or the reason the patch does not apply.</summary>
    public static (JsonObject? Result, string? Problem) Apply(JsonObject document, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            return (null, "the body must be a JSON Patch document (a list of operations)");
        }

        var target = (JsonObject)document.DeepClone();
        foreach (var node in operations)
        {
            var op = (node as JsonObject)?["op"] is JsonValue o && o.TryGetValue<string>(out var opText) ? opText : null;
            var path = (node as JsonObject)?["path"] is JsonValue p && p.TryGetValue<string>(out var pathText) ? pathText : null;
            if (op is null || path is null || !path.StartsWith('/'))
            {
                return (null, "every operation needs op and a path starting with /");
            }

            var value = (node as JsonObject)!["value"]?.DeepClone();
            var problem = op switch
            {
                "add" => Add(target, path, value, replace: false),
                "replace" => Add(target, path, value, replace: true),
                "remove" => Remove(target, path),
                "test" => JsonNode.DeepEquals(Resolve(target, path), value) ? null : $"test failed at {path}",
                _ => $"op \"{op}\" is not supported (add, remove, replace, test)",
            };
            if (problem is not null)
            {
                return (null, problem);
            }
        }

        return (target, null);
    }

    private static string? Add(JsonObject root, string path, JsonNode? value, bool replace)
    {
        var (parent, key) = Parent(root, path);
        switch (parent)
        {
            case JsonObject obj:
                if (replace && !obj.ContainsKey(key))
                {
                    return $"replace: nothing at {path}";
                }

                obj[key] = value;
                return null;
            case JsonArray array when key == "-" && !replace:
                array.Add(value);
                return null;
            case JsonArray array when int.TryParse(key, out var index) && index >= 0 && index <= array.Count - (replace ? 1 : 0):
                if (replace)
                {
                    array[index] = value;
                }
                else
                {
                    array.Insert(index, value);
                }

                return null;
            default:
                return $"no such location {path}";
        }
    }

    private static string? Remove(JsonObject root, string path)
    {
        var (parent, key) = Parent(root, path);
        switch (parent)
        {
            case JsonObject obj when obj.Remove(key):
                return null;
            case JsonArray array when int.TryParse(key, out var index) && index >= 0 && index < array.Count:
                array.RemoveAt(index);
                return null;
            default:
                return $"remove: nothing at {path}";
        }
    }

    private static JsonNode? Resolve(JsonObject root, string path)
    {
        var (parent, key) = Parent(root, path);
        return parent switch
        {
            JsonObject obj => obj[key],
            JsonArray array when int.TryParse(key, out var index) && index >= 0 && index < array.Count => array[index],
            _ => null,
        };
    }

    private static (JsonNode? Parent, string Key) Parent(JsonObject root, string path)
    {
        var segments = path[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        JsonNode? current = root;
        foreach (var segment in segments[..^1])
        {
            current = current switch
            {
                JsonObject obj => obj[segment],
                JsonArray array when int.TryParse(segment, out var index) && index >= 0 && index < array.Count => array[index],
                _ => null,
            };
        }

        return (current, segments[^1]);
    }
}
