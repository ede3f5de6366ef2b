// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.Permissions.Namespaces;

namespace Tessera.Permissions;

/// <summary>
/// <c>permissions.namespaces</c> (Keto's <c>namespaces</c>: a list of <c>{id, name}</c>; none configured means every
/// namespace is unknown, so the API answers but holds nothing), <c>permissions.limit.max_read_depth</c> (Keto's
/// <c>limit.max_read_depth</c>, default 5), <c>permissions.limit.max_batch_check_size</c> (default 10),
/// <c>permissions.limit.max_expand_size</c> (default 4000) and <c>permissions.check_cache_ttl</c> (default 1s, 0 off).
/// </summary>
internal sealed record PermissionsOptions(
    IReadOnlyDictionary<string, RelationNamespace> Namespaces,
    int MaxReadDepth,
    int MaxBatchCheckSize,
    int MaxExpandSize,
    TimeSpan CheckCacheTtl)
{
    public const int DefaultMaxReadDepth = 5;

    public static PermissionsOptions Bind(ConfigurationTree config) => new(
        BindNamespaces(config),
        config.GetInt("permissions.limit.max_read_depth", DefaultMaxReadDepth, 1, 65535),
        config.GetInt("permissions.limit.max_batch_check_size", 10, 1, 65535),
        config.GetInt("permissions.limit.max_expand_size", 4000, 0, 65535),
        config.GetDuration("permissions.check_cache_ttl", TimeSpan.FromSeconds(1)));

    public bool IsKnown(string? name) => name is not null && Namespaces.ContainsKey(name);

    /// <summary>
    /// Keto's request <c>max-depth</c> only lowers the global limit: a value of 0 or less, or above the global
    /// limit, means the global limit (Keto's engine does exactly this).
    /// </summary>
    public int EffectiveDepth(int? requested) =>
        requested is { } depth && depth > 0 && depth < MaxReadDepth ? depth : MaxReadDepth;

    private static Dictionary<string, RelationNamespace> BindNamespaces(ConfigurationTree config)
    {
        const string key = "permissions.namespaces";
        var namespaces = new Dictionary<string, RelationNamespace>(StringComparer.Ordinal);
        switch (config.GetNode(key))
        {
            case null:
                return namespaces;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    var entry = Entry(list[i], $"{key}.{i}");
                    if (!namespaces.TryAdd(entry.Name, entry))
                    {
                        throw new ConfigurationException($"{key}.{i}.name", $"the namespace \"{entry.Name}\" is listed twice");
                    }
                }

                return namespaces;
            default:
                // Keto's other two forms (a URI, or {location: ...}) load namespaces written in the Ory Permission
                // Language. Its rewrites would change what a check answers, so ignoring them would silently deny or
                // allow the wrong things: start-up stops instead.
                throw new ConfigurationException(
                    key,
                    "the Ory Permission Language (a namespaces file or `location`) is not supported yet; list the namespaces as [{id, name}]");
        }
    }

    private static RelationNamespace Entry(JsonNode? node, string path)
    {
        if (node is not JsonObject entry)
        {
            throw new ConfigurationException(path, "expected a namespace {id, name}");
        }

        var name = entry["name"] is JsonValue n && n.TryGetValue<string>(out var text) ? text : null;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ConfigurationException($"{path}.name", "a namespace needs a name");
        }

        var id = 0;
        if (entry["id"] is JsonValue idValue && !idValue.TryGetValue(out id)
            && !(idValue.TryGetValue<string>(out var idText) && int.TryParse(idText, System.Globalization.CultureInfo.InvariantCulture, out id)))
        {
            throw new ConfigurationException($"{path}.id", "expected a whole number");
        }

        return new RelationNamespace(id, name);
    }
}
