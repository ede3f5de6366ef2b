// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Hosting.Cors;

/// <summary>
/// <c>serve.public.cors.*</c> or <c>serve.admin.cors.*</c>, with Kratos's defaults: off; every origin (<c>*</c>);
/// POST, GET, PUT, PATCH, DELETE; the headers Kratos's SDKs send; <c>Content-Type</c> exposed; credentials allowed;
/// no preflight caching.
/// </summary>
internal sealed record CorsOptions(
    bool Enabled,
    CorsOriginPolicy Origins,
    IReadOnlySet<string> AllowedMethods,
    IReadOnlySet<string> AllowedHeaders,
    string ExposedHeaders,
    bool AllowCredentials,
    int MaxAge,
    bool Debug)
{
    private static readonly string[] DefaultMethods = ["POST", "GET", "PUT", "PATCH", "DELETE"];
    private static readonly string[] DefaultHeaders = ["Authorization", "Content-Type", "Max-Age", "X-Session-Token", "X-XSRF-TOKEN", "X-CSRF-TOKEN"];
    private static readonly string[] KnownMethods = ["POST", "GET", "PUT", "PATCH", "DELETE", "CONNECT", "HEAD", "OPTIONS", "TRACE"];

    // Headers a browser may list in a preflight although they are CORS-safelisted; never a reason to refuse.
    private static readonly string[] AlwaysAllowedHeaders = ["Accept", "Accept-Language", "Content-Language", "Origin"];

    public static CorsOptions Bind(ConfigurationTree config, string prefix)
    {
        var methods = OrDefault(config.GetStringList($"{prefix}.allowed_methods"), DefaultMethods).Select(m => m.ToUpperInvariant()).ToList();
        if (methods.FirstOrDefault(m => !KnownMethods.Contains(m)) is { } unknown)
        {
            throw new ConfigurationException($"{prefix}.allowed_methods", $"\"{unknown}\" is not one of {string.Join(", ", KnownMethods)}");
        }

        var headers = OrDefault(config.GetStringList($"{prefix}.allowed_headers"), DefaultHeaders).Concat(AlwaysAllowedHeaders);
        return new CorsOptions(
            config.GetBool($"{prefix}.enabled", false),
            CorsOriginPolicy.Parse(OrDefault(config.GetStringList($"{prefix}.allowed_origins"), ["*"]), $"{prefix}.allowed_origins"),
            methods.ToHashSet(StringComparer.Ordinal),
            headers.ToHashSet(StringComparer.OrdinalIgnoreCase),
            string.Join(", ", OrDefault(config.GetStringList($"{prefix}.exposed_headers"), ["Content-Type"])),
            config.GetBool($"{prefix}.allow_credentials", true),
            config.GetInt($"{prefix}.max_age", 0, 0),
            config.GetBool($"{prefix}.debug", false));
    }

    private static IReadOnlyList<string> OrDefault(IReadOnlyList<string> configured, IReadOnlyList<string> fallback) =>
        configured.Count == 0 ? fallback : configured;
}
