// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text.Json.Nodes;

namespace Tessera.Identities.Admin;

/// <summary>RFC 6902 JSON Patch (add, remove, replace, move, copy, test) on a JSON document; all or nothing.</summary>
internal static class JsonPatch
{
    /// <summary>Applies the operations to a copy of the document; returns the patched copy, or why the patch is invalid.</summary>
    public static (JsonNode? Result, string? Error) Apply(JsonNode document, JsonArray operations)
    {
        var root = new JsonObject { ["$"] = document.DeepClone() };
        foreach (var (operation, index) in operations.Select((o, i) => (o as JsonObject, i)))
        {
            if (operation?["op"]?.ToString() is not { } op || operation["path"]?.ToString() is not { } path)
            {
                return (null, $"operation {index} needs op and path");
            }

            var error = op switch
            {
                "add" => Add(root, path, operation["value"]?.DeepClone(), operation.ContainsKey("value")),
                "remove" => Remove(root, path, out _),
                "replace" => Remove(root, path, out _) ?? Add(root, path, operation["value"]?.DeepClone(), operation.ContainsKey("value")),
                "move" => Move(root, operation["from"]?.ToString(), path, copy: false),
                "copy" => Move(root, operation["from"]?.ToString(), path, copy: true),
                "test" => JsonNode.DeepEquals(Get(root, path), operation["value"]) ? null : $"test failed at {path}",
                _ => $"unknown op \"{op}\"",
            };
            if (error is not null)
            {
                return (null, $"operation {index} ({op} {path}): {error}");
            }
        }

        return (root["$"], null);
    }

    private static string? Move(JsonObject root, string? from, string path, bool copy)
    {
        if (from is null)
        {
            return "from is required";
        }

        JsonNode? value;
        if (copy)
        {
            value = Get(root, from)?.DeepClone();
        }
        else if (Remove(root, from, out value) is { } error)
        {
            return error;
        }

        return Add(root, path, value, hasValue: true);
    }

    private static string? Add(JsonObject root, string path, JsonNode? value, bool hasValue)
    {
        if (!hasValue)
        {
            return "value is required";
        }

        if (!Parent(root, path, out var parent, out var key))
        {
            return "the path's parent does not exist";
        }

        switch (parent)
        {
            case JsonObject obj:
                obj[key] = value;
                return null;
            case JsonArray array when key == "-":
                array.Add(value);
                return null;
            case JsonArray array when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= array.Count:
                array.Insert(i, value);
                return null;
            default:
                return "the path does not name a place to add to";
        }
    }

    private static string? Remove(JsonObject root, string path, out JsonNode? removed)
    {
        removed = null;
        if (!Parent(root, path, out var parent, out var key))
        {
            return "the path does not exist";
        }

        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(key):
                removed = obj[key];
                obj.Remove(key);
                return null;
            case JsonArray array when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count:
                removed = array[i];
                array.RemoveAt(i);
                return null;
            default:
                return "the path does not exist";
        }
    }

    private static JsonNode? Get(JsonObject root, string path) =>
        Parent(root, path, out var parent, out var key) ? parent switch
        {
            JsonObject obj => obj[key],
            JsonArray array when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count => array[i],
            _ => null,
        } : null;

    private static bool Parent(JsonObject root, string path, out JsonNode? parent, out string key)
    {
        parent = root;
        key = "$";
        if (path.Length > 0 && path[0] != '/')
        {
            return false;
        }

        var segments = new List<string> { "$" };
        segments.AddRange(path.Length == 0 ? [] : path[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)));
        JsonNode? node = root;
        for (var i = 0; i < segments.Count - 1; i++)
        {
            node = node switch
            {
                JsonObject obj => obj[segments[i]],
                JsonArray array when int.TryParse(segments[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < array.Count => array[n],
                _ => null,
            };
            if (node is null)
            {
                return false;
            }
        }

        parent = node;
        key = segments[^1];
        return true;
    }
}
