// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Projects.Routing;

/// <summary>
/// <c>serve.public.base_domain</c> (Tessera's own key): when set, the public listener serves the project a request's
/// Host names (<c>&lt;slug&gt;.&lt;base_domain&gt;</c>, an active custom domain); the base domain itself and the host
/// of <c>serve.public.base_url</c> serve the default project. Unset (the default), every request is the default
/// project and nothing is looked up.
/// </summary>
internal sealed record ProjectRoutingOptions(string? BaseDomain, string? DefaultHost)
{
    public const string Key = "serve.public.base_domain";

    /// <summary>How long a node answers a host from memory: an activated or deleted domain is seen within it.</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(5);

    public bool Enabled => BaseDomain is not null;

    public static ProjectRoutingOptions Bind(ConfigurationTree config, ServeOptions serve)
    {
        var raw = config.GetString(Key);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new ProjectRoutingOptions(null, null);
        }

        var domain = ProjectHostName.Normalise(raw);
        if (!Domains.HostnameRules.IsValid(domain))
        {
            throw new ConfigurationException(Key, "must be a DNS name such as id.example.com, without scheme, port or path");
        }

        var defaultHost = serve.Public.BaseUrl is { } baseUrl ? ProjectHostName.Normalise(baseUrl.Host) : null;
        return new ProjectRoutingOptions(domain, defaultHost);
    }
}
