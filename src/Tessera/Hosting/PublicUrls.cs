// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Hosting;

/// <summary>
/// Absolute URLs of the public API: <c>serve.public.base_url</c> when configured (Tessera behind a proxy), otherwise
/// the listener's own address (known only once it is bound, hence resolved lazily).
/// </summary>
internal sealed class PublicUrls(ServeOptions serve, BoundListeners listeners)
{
    public Uri BaseUrl => serve.Public.BaseUrl ?? listeners.PublicUrl;

    /// <summary>An absolute URL for a path on the public API, e.g. <c>/self-service/login?flow=...</c>.</summary>
    public Uri For(string pathAndQuery)
    {
        var root = BaseUrl.AbsoluteUri.TrimEnd('/');
        return new Uri(root + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery));
    }
}
