// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Hosting;

/// <summary>
/// Headers every response carries, set as the response starts so errors, redirects and 404s get them too:
/// <list type="bullet">
/// <item><c>X-Content-Type-Options: nosniff</c>: a JSON body is never sniffed into HTML or script.</item>
/// <item><c>Cache-Control: private, no-cache, no-store, must-revalidate</c> (Kratos's value) unless the endpoint set its
/// own: flows carry CSRF tokens, whoami and the session endpoints sessions and tokens, the admin API identities.</item>
/// <item><c>Vary: Cookie</c> on the public listener, whose answers depend on the session and CSRF cookies.</item>
/// <item><c>Strict-Transport-Security</c> on the public listener when <c>serve.public.base_url</c> is https.</item>
/// </list>
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, ServeOptions serve)
{
    public const string NoStore = "private, no-cache, no-store, must-revalidate";
    public const string Hsts = "max-age=31536000";

    private readonly bool _publicIsHttps = serve.Public.BaseUrl?.Scheme == Uri.UriSchemeHttps;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var (context, publicIsHttps) = ((HttpContext, bool))state;
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (string.IsNullOrEmpty(headers.CacheControl))
            {
                headers.CacheControl = NoStore;
            }

            if ((SurfaceGuardMiddleware.CurrentSurface(context) & Surface.Public) != 0)
            {
                headers.Append("Vary", "Cookie");
                if (publicIsHttps)
                {
                    headers.StrictTransportSecurity = Hsts;
                }
            }

            return Task.CompletedTask;
        }, (context, _publicIsHttps));
        return next(context);
    }
}
