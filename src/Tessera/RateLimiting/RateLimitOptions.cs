// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Configuration;

namespace Tessera.RateLimiting;

/// <summary>
/// <c>rate_limits.enabled</c> (default true) and <c>rate_limits.buckets.&lt;name&gt;.limit</c> / <c>.window</c>
/// for each of <see cref="RateLimitBuckets"/>; a bucket left out keeps its default.
/// </summary>
internal sealed record RateLimitOptions(bool Enabled, IReadOnlyDictionary<string, RateLimitBucket> Buckets)
{
    public static RateLimitOptions Bind(ConfigurationTree config)
    {
        var buckets = new Dictionary<string, RateLimitBucket>(StringComparer.Ordinal);
        foreach (var fallback in RateLimitBuckets.Defaults)
        {
            var prefix = $"rate_limits.buckets.{fallback.Name}";
            buckets[fallback.Name] = new RateLimitBucket(
                fallback.Name,
                config.GetInt($"{prefix}.limit", fallback.Limit, 1, 1_000_000),
                config.GetDuration($"{prefix}.window", fallback.Window, TimeSpan.FromSeconds(1)),
                config.GetBool($"{prefix}.enabled", fallback.Enabled || config.GetNode($"{prefix}.limit") is not null));
        }

        if (config.GetNode("rate_limits.buckets") is JsonObject configured)
        {
            foreach (var (name, _) in configured)
            {
                if (!buckets.ContainsKey(name))
                {
                    throw new ConfigurationException($"rate_limits.buckets.{name}", $"unknown bucket; known: {string.Join(", ", buckets.Keys)}");
                }
            }
        }

        return new RateLimitOptions(config.GetBool("rate_limits.enabled", true), buckets);
    }

    /// <summary>
    /// A workspace's aggregate limits (<c>rate_limits</c> of <c>PATCH /admin/workspaces/{id}</c>), validated exactly as the
    /// file's <c>rate_limits.buckets</c> (same key paths, bounds and unknown-bucket refusal); only the buckets it names
    /// (and leaves enabled) apply. Throws <see cref="ConfigurationException"/> naming the key path.
    /// </summary>
    public static IReadOnlyDictionary<string, RateLimitBucket> BindWorkspace(JsonObject rateLimits)
    {
        foreach (var (key, _) in rateLimits)
        {
            if (key != "buckets")
            {
                throw new ConfigurationException($"rate_limits.{key}", "unknown key; a workspace sets buckets only");
            }
        }

        if (rateLimits["buckets"] is not JsonObject named)
        {
            throw new ConfigurationException("rate_limits.buckets", "must be an object of bucket names");
        }

        foreach (var (name, value) in named)
        {
            if (value is not JsonObject)
            {
                throw new ConfigurationException($"rate_limits.buckets.{name}", "must be an object with limit and window");
            }
        }

        var tree = new ConfigurationTree(new JsonObject { ["rate_limits"] = rateLimits.DeepClone() }, new Dictionary<string, string>());
        var all = Bind(tree).Buckets;
        return named.Select(n => all[n.Key]).Where(b => b.Enabled).ToDictionary(b => b.Name, StringComparer.Ordinal);
    }

    public RateLimitBucket this[string name] =>
        Buckets.TryGetValue(name, out var bucket) ? bucket : throw new ArgumentException($"unknown rate-limit bucket {name}", nameof(name));
}
