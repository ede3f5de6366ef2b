// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Hosting;

/// <summary>
/// Absolute URLs of the public API: <c>serve.public.base_url</c> when configured (Tessera behind a proxy), otherwise
/// the listener's own address (known only once it is bound, hence resolved lazily). A request served for a project
/// on its own host (<see cref="ServeOn"/>, host routing) gets that host instead, with the same scheme, port and path,
/// so the browser posts its forms back to the project it started in.
/// </summary>
internal sealed class PublicUrls(ServeOptions serve, BoundListeners listeners)
{
    private static readonly AsyncLocal<string?> ServedHost = new();

    /// <summary>The public base URL of the project this request serves (<see cref="DefaultBaseUrl"/> outside host routing).</summary>
    public Uri BaseUrl => ServedHost.Value is { } host ? new UriBuilder(DefaultBaseUrl) { Host = host }.Uri : DefaultBaseUrl;

    /// <summary>The configured (or bound) public base URL, whatever host the current request came in on.</summary>
    public Uri DefaultBaseUrl => serve.Public.BaseUrl ?? listeners.PublicUrl;

    /// <summary>An absolute URL for a path on the public API, e.g. <c>/self-service/login?flow=...</c>.</summary>
    public Uri For(string pathAndQuery)
    {
        var root = BaseUrl.AbsoluteUri.TrimEnd('/');
        return new Uri(root + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery));
    }

    /// <summary>
    /// Builds this async flow's public URLs on <paramref name="host"/> (a project's host, lowercase, no port) until the
    /// returned scope is disposed.
    /// </summary>
    public static HostScope ServeOn(string host)
    {
        var previous = ServedHost.Value;
        ServedHost.Value = host;
        return new HostScope(previous);
    }

    internal readonly struct HostScope(string? previous) : IDisposable
    {
        public void Dispose() => ServedHost.Value = previous;
    }
}
