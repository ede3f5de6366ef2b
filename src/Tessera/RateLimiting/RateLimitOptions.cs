// SPDX-License-Identifier: Apache-2.0
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

        if (config.GetNode("rate_limits.buckets") is System.Text.Json.Nodes.JsonObject configured)
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

    public RateLimitBucket this[string name] =>
        Buckets.TryGetValue(name, out var bucket) ? bucket : throw new ArgumentException($"unknown rate-limit bucket {name}", nameof(name));
}
