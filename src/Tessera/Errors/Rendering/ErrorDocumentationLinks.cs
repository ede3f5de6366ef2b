// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Hosting;

namespace Tessera.Errors.Rendering;

/// <summary>
/// Where an error's or a UI message's documentation lives: the page the public listener serves for it
/// (<c>/ui/errors/&lt;id&gt;</c>, <c>/ui/errors/4000006</c>).
/// Absolute, because problem+json's <c>type</c> is a URI and clients follow <c>doc_url</c> from anywhere: the
/// configured <c>serve.public.base_url</c> (on the project's host under host routing), else the address the request came in on (public listener), else the
/// public listener's bound address.
/// </summary>
internal sealed class ErrorDocumentationLinks(ServeOptions serve, BoundListeners listeners)
{
    public const string PagePathPrefix = "/ui/errors/";

    private readonly PublicUrls _urls = new(serve, listeners);

    public static string PagePath(ErrorDescriptor error) => PagePathPrefix + Uri.EscapeDataString(error.DocAnchor);

    /// <summary>The page of a UI message id (<c>/ui/errors/4000006</c>).</summary>
    public static string PagePath(int messageId) => PagePathPrefix + messageId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string For(HttpContext context, ErrorDescriptor error) => Absolute(context, PagePath(error));

    public string For(HttpContext context, int messageId) => Absolute(context, PagePath(messageId));

    private string Absolute(HttpContext context, string path)
    {
        if (serve.Public.BaseUrl is not null)
        {
            var baseUrl = _urls.BaseUrl; // the project's host under host routing
            return new Uri(baseUrl, baseUrl.AbsolutePath.TrimEnd('/') + path).AbsoluteUri;
        }

        if (SurfaceGuardMiddleware.CurrentSurface(context) == Surface.Public && context.Request.Host.HasValue)
        {
            return $"{context.Request.Scheme}://{context.Request.Host.Value}{path}";
        }

        return listeners.Public is null ? path : new Uri(listeners.PublicUrl, path).AbsoluteUri;
    }
}
