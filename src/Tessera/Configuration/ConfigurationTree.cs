// SPDX-License-Identifier: Apache-2.0
using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tessera.Configuration;

/// <summary>
/// Tessera's configuration in Kratos's form: YAML files merged in order (later wins), then environment variables
/// overriding any key (<c>serve.public.port</c> &lt;- <c>SERVE_PUBLIC_PORT</c>). Options classes read it through
/// the typed getters, which also record every key they ask for so that the keys nobody reads can be warned about.
/// </summary>
internal sealed class ConfigurationTree
{
    private readonly JsonObject _root;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly HashSet<string> _readKeys = new(StringComparer.Ordinal);
    private readonly List<ConfigurationNotice> _notices = [];
    private readonly JsonObject? _overlay;
    private readonly JsonObject? _base;

    public ConfigurationTree(JsonObject root, IReadOnlyDictionary<string, string> environment)
        : this(root, environment, null, null)
    {
    }

    private ConfigurationTree(JsonObject root, IReadOnlyDictionary<string, string> environment, JsonObject? overlay, JsonObject? baseRoot)
    {
        _root = root;
        _environment = environment;
        _overlay = overlay;
        _base = baseRoot;
    }

    public static ConfigurationTree Load(IEnumerable<string> files, IReadOnlyDictionary<string, string> environment)
    {
        var root = new JsonObject();
        foreach (var file in files)
        {
            Merge(root, YamlConfigurationFile.Load(file));
        }

        return new ConfigurationTree(root, environment);
    }

    /// <summary>
    /// This configuration with <paramref name="overlay"/> (a project's, in the files' own key layout) merged on top as
    /// if it were a later file that the environment does not override: a key the overlay sets wins over its
    /// environment variable too, since the overlay is the more specific of the two. Neither input is changed.
    /// </summary>
    public ConfigurationTree WithOverlay(JsonObject overlay)
    {
        var root = (JsonObject)_root.DeepClone();
        var layer = (JsonObject)overlay.DeepClone();
        var overlaid = new List<string>();
        CollectPaths(layer, string.Empty, overlaid);
        Merge(root, layer);
        var shadowed = overlaid.Select(EnvironmentName).ToHashSet(StringComparer.Ordinal);
        var environment = _environment.Where(e => !shadowed.Contains(e.Key))
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        return new ConfigurationTree(root, environment, (JsonObject)overlay.DeepClone(), _root);
    }

    /// <summary>
    /// True when a project's overlay (<see cref="WithOverlay"/>) set <paramref name="keyPath"/> (list items by index:
    /// <c>...hooks.0.config.body</c>) to a value the base configuration does not have there: what a tenant chose
    /// rather than what the operator's file already says. Always false without an overlay.
    /// </summary>
    public bool SetByOverlay(string keyPath) =>
        _overlay is not null && Find(_overlay, keyPath) is { } value && !JsonNode.DeepEquals(value, Find(_base!, keyPath));

    // A key path's node, through mappings by name and lists by index; null when absent.
    private static JsonNode? Find(JsonNode root, string keyPath)
    {
        JsonNode? node = root;
        foreach (var segment in keyPath.Split('.'))
        {
            node = node switch
            {
                JsonObject obj => obj[segment],
                JsonArray list when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < list.Count => list[i],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>Every key path of <paramref name="node"/> below <paramref name="prefix"/>: leaves, and inner ones too unless <paramref name="leavesOnly"/>.</summary>
    public static void CollectPaths(JsonObject node, string prefix, List<string> paths, bool leavesOnly = false)
    {
        foreach (var (key, child) in node)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (child is JsonObject { Count: > 0 } inner)
            {
                if (!leavesOnly)
                {
                    paths.Add(path);
                }

                CollectPaths(inner, path, paths, leavesOnly);
            }
            else
            {
                paths.Add(path);
            }
        }
    }

    /// <summary>True when <paramref name="keyPath"/> or one of its ancestors was read (an options class owns it).</summary>
    public bool WasRead(string keyPath)
    {
        for (var path = keyPath; ; path = path[..path.LastIndexOf('.')])
        {
            if (_readKeys.Contains(path))
            {
                return true;
            }

            if (!path.Contains('.', StringComparison.Ordinal))
            {
                return false;
            }
        }
    }

    public static IReadOnlyDictionary<string, string> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal);

    /// <summary>Kratos's environment name for a key path: dots and dashes become underscores, upper case.</summary>
    public static string EnvironmentName(string keyPath) =>
        keyPath.Replace('.', '_').Replace('-', '_').ToUpperInvariant();

    /// <summary>Sets a value as if a later file had it (the <c>--dev</c> flag, tests).</summary>
    public void Set(string keyPath, JsonNode? value)
    {
        var segments = keyPath.Split('.');
        var node = _root;
        foreach (var segment in segments[..^1])
        {
            if (node[segment] is not JsonObject child)
            {
                child = [];
                node[segment] = child;
            }

            node = child;
        }

        node[segments[^1]] = value;
    }

    public JsonNode? GetNode(string keyPath)
    {
        _readKeys.Add(keyPath);
        if (_environment.TryGetValue(EnvironmentName(keyPath), out var env))
        {
            var trimmed = env.TrimStart();
            if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
            {
                try
                {
                    return JsonNode.Parse(env);
                }
                catch (JsonException)
                {
                    throw new ConfigurationException(keyPath, $"the environment variable {EnvironmentName(keyPath)} is not valid JSON");
                }
            }

            return JsonValue.Create(env);
        }

        JsonNode? node = _root;
        foreach (var segment in keyPath.Split('.'))
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(segment, out var child) ? child : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    public string? GetString(string keyPath, string? fallback = null) => GetNode(keyPath) switch
    {
        null => fallback,
        JsonValue value => value.ToString(),
        _ => throw new ConfigurationException(keyPath, "expected a single value, found a list or mapping"),
    };

    public int GetInt(string keyPath, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var text = GetString(keyPath);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new ConfigurationException(keyPath, $"expected a whole number, got \"{Truncate(text)}\"");
        }

        if (value < min || value > max)
        {
            throw new ConfigurationException(keyPath, $"must be between {min} and {max}, got {value}");
        }

        return value;
    }

    public long GetLong(string keyPath, long fallback, long min = long.MinValue, long max = long.MaxValue)
    {
        var text = GetString(keyPath);
        if (text is null)
        {
            return fallback;
        }

        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new ConfigurationException(keyPath, $"expected a whole number, got \"{Truncate(text)}\"");
        }

        return value < min || value > max
            ? throw new ConfigurationException(keyPath, $"must be between {min} and {max}, got {value}")
            : value;
    }

    public bool GetBool(string keyPath, bool fallback)
    {
        var text = GetString(keyPath);
        return text?.ToLowerInvariant() switch
        {
            null => fallback,
            "true" or "yes" or "on" or "1" => true,
            "false" or "no" or "off" or "0" => false,
            _ => throw new ConfigurationException(keyPath, $"expected true or false, got \"{Truncate(text)}\""),
        };
    }

    public TimeSpan GetDuration(string keyPath, TimeSpan fallback, TimeSpan? min = null)
    {
        var text = GetString(keyPath);
        if (text is null)
        {
            return fallback;
        }

        if (!GoDuration.TryParse(text, out var value))
        {
            throw new ConfigurationException(keyPath, $"expected a duration such as 1h, 30m or 10s, got \"{Truncate(text)}\"");
        }

        var floor = min ?? TimeSpan.Zero;
        return value < floor
            ? throw new ConfigurationException(keyPath, $"must be at least {GoDuration.Format(floor)}")
            : value;
    }

    public Uri? GetUri(string keyPath, Uri? fallback = null)
    {
        var text = GetString(keyPath);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ConfigurationException(keyPath, $"expected an absolute http(s) URL, got \"{Truncate(text)}\"");
    }

    public TEnum GetEnum<TEnum>(string keyPath, TEnum fallback, IReadOnlyDictionary<string, TEnum> names)
    {
        var text = GetString(keyPath);
        if (text is null)
        {
            return fallback;
        }

        return names.TryGetValue(text, out var value)
            ? value
            : throw new ConfigurationException(keyPath, $"expected one of {string.Join(", ", names.Keys)}, got \"{Truncate(text)}\"");
    }

    public IReadOnlyList<string> GetStringList(string keyPath)
    {
        return GetNode(keyPath) switch
        {
            null => [],
            JsonArray array => array.Select(n => n is JsonValue v ? v.ToString()
                : throw new ConfigurationException(keyPath, "expected a list of values")).ToList(),
            JsonValue value => value.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            _ => throw new ConfigurationException(keyPath, "expected a list of values"),
        };
    }

    /// <summary>
    /// What binding changed or would rather not have seen (a value raised to a safe floor): logged as warnings at
    /// start-up, when logging exists, by whoever starts the server.
    /// </summary>
    public IReadOnlyList<ConfigurationNotice> Notices => _notices;

    /// <summary>Every key an options class asked for so far, present or not (the compatibility table is checked against it).</summary>
    public IReadOnlyCollection<string> ReadKeys => _readKeys;

    public void AddNotice(string keyPath, string message) => _notices.Add(new ConfigurationNotice(keyPath, message));

    /// <summary>Every leaf key of the files that no options class asked for (nor an ancestor of it).</summary>
    public IReadOnlyList<string> UnreadKeys()
    {
        var unread = new List<string>();
        Collect(_root, string.Empty, unread);
        return unread;
    }

    private void Collect(JsonNode? node, string path, List<string> unread)
    {
        if (path.Length > 0 && _readKeys.Contains(path))
        {
            return;
        }

        if (node is JsonObject obj && obj.Count > 0)
        {
            foreach (var (key, child) in obj)
            {
                Collect(child, path.Length == 0 ? key : $"{path}.{key}", unread);
            }
        }
        else if (path.Length > 0)
        {
            unread.Add(path);
        }
    }

    private static void Merge(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source.ToList())
        {
            source.Remove(key);
            if (value is JsonObject sourceChild && target[key] is JsonObject targetChild)
            {
                Merge(targetChild, sourceChild);
            }
            else
            {
                target[key] = value;
            }
        }
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
