// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Hosting.Cors;

/// <summary>
/// Which origins may call: <c>*</c> (any), an exact origin, or an origin with one <c>*</c> standing for zero or more
/// characters (<c>https://*.example.com</c>), compared case-insensitively as Kratos (rs/cors) does.
/// </summary>
internal sealed class CorsOriginPolicy
{
    private readonly HashSet<string> _exact;
    private readonly List<(string Prefix, string Suffix)> _wildcards;

    private CorsOriginPolicy(bool anyOrigin, HashSet<string> exact, List<(string Prefix, string Suffix)> wildcards)
    {
        AnyOrigin = anyOrigin;
        _exact = exact;
        _wildcards = wildcards;
    }

    /// <summary>
    /// <c>*</c> is configured: every origin may read answers, but only as <c>Access-Control-Allow-Origin: *</c>, which
    /// browsers never combine with cookies. Credentials are granted only to origins listed by name or pattern.
    /// </summary>
    public bool AnyOrigin { get; }

    public static CorsOriginPolicy Parse(IReadOnlyList<string> origins, string keyPath)
    {
        var exact = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var wildcards = new List<(string, string)>();
        var any = false;
        foreach (var origin in origins)
        {
            var star = origin.IndexOf('*', StringComparison.Ordinal);
            if (origin == "*")
            {
                any = true;
            }
            else if (origin.Length == 0 || origin.IndexOf('*', star + 1) >= 0 || !origin.Contains("://", StringComparison.Ordinal))
            {
                throw new ConfigurationException(keyPath, $"\"{origin}\" must be *, an origin (https://example.com) or an origin with one * (https://*.example.com)");
            }
            else if (star < 0)
            {
                exact.Add(origin.TrimEnd('/'));
            }
            else
            {
                wildcards.Add((origin[..star].ToLowerInvariant(), origin[(star + 1)..].TrimEnd('/').ToLowerInvariant()));
            }
        }

        return new CorsOriginPolicy(any, exact, wildcards);
    }

    /// <summary>Whether <paramref name="origin"/> is listed by name or matches a pattern (<c>*</c> aside).</summary>
    public bool Lists(string origin)
    {
        if (_exact.Contains(origin))
        {
            return true;
        }

        var lower = origin.ToLowerInvariant();
        return _wildcards.Exists(w => lower.Length >= w.Prefix.Length + w.Suffix.Length
            && lower.StartsWith(w.Prefix, StringComparison.Ordinal) && lower.EndsWith(w.Suffix, StringComparison.Ordinal));
    }
}
