// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Configuration;

namespace Tessera.Projects.Overlays;

/// <summary>
/// Keys whose value says where the server reads a template from (an OIDC provider's <c>mapper_url</c>, a web hook's
/// <c>body</c>): base64://, file:// or a bare path in the file. A tenant's overlay must not make the server read its
/// files, so there the value is base64:// or exactly a value the file itself gives that key.
/// </summary>
internal static class OverlayFileReferences
{
    private static readonly string[] LocationKeys = ["mapper_url", "body"];

    /// <summary>The path of the first location in <paramref name="overlay"/> that would read a file the configuration does not already read.</summary>
    public static string? FirstRefused(JsonObject overlay, ConfigurationTree config)
    {
        var allowed = LocationKeys.ToDictionary(k => k, config.FileValuesNamed, StringComparer.Ordinal);
        return Find(overlay, string.Empty, allowed);
    }

    private static string? Find(JsonNode? node, string path, IReadOnlyDictionary<string, IReadOnlySet<string>> allowed)
    {
        var children = node switch
        {
            JsonObject obj => obj.Select(p => (p.Key, p.Value)).ToList(),
            JsonArray array => array.Select((item, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), item)).ToList(),
            _ => [],
        };
        foreach (var (key, child) in children)
        {
            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            if (child is JsonValue value && allowed.TryGetValue(key, out var fileValues))
            {
                var text = value.ToString();
                if (!text.StartsWith("base64://", StringComparison.Ordinal) && !fileValues.Contains(text))
                {
                    return childPath;
                }
            }
            else if (Find(child, childPath, allowed) is { } refused)
            {
                return refused;
            }
        }

        return null;
    }
}
