// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Tessera.Configuration;

namespace Tessera.Hosting;

internal static class ListenerRegistration
{
    /// <summary>Kestrel answers past this itself (no body); Tessera's own limit is <see cref="RequestLimitsMiddleware.MaxHeaderCount"/>.</summary>
    public const int KestrelMaxHeaderCount = 1000;

    /// <summary>Kestrel answers past this itself (no body); Tessera's own limit is <see cref="RequestLimitsMiddleware.MaxTargetBytes"/>.</summary>
    public const int KestrelMaxRequestLineBytes = 64 * 1024;

    /// <summary>
    /// Two Kestrel listeners in one process. Each tags its connections with its surface; the surface guard uses
    /// the tag, never the Host header, to decide which routes exist.
    /// </summary>
    public static WebApplicationBuilder AddTesseraListeners(this WebApplicationBuilder builder, ServeOptions serve)
    {
        var bound = new BoundListeners();
        builder.Services.AddSingleton(bound);
        builder.Services.AddSingleton<PublicUrls>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = serve.RequestBodyLimit;
            // Far above serve.public.request_headers_limit: RequestLimitsMiddleware enforces ours with a catalog body,
            // whereas Kestrel's own 431 has none. Kestrel's stays as the backstop against absurd headers.
            kestrel.Limits.MaxRequestHeadersTotalSize = (serve.RequestHeadersLimit * 4) + (64 * 1024);
            kestrel.Limits.MaxRequestHeaderCount = KestrelMaxHeaderCount;
            kestrel.Limits.MaxRequestLineSize = KestrelMaxRequestLineBytes;
            // Kestrel refuses any header byte outside ASCII with a bare 400. Read as Latin-1 (every byte is a character)
            // they reach RequestLimitsMiddleware, which answers from the catalog with the request id.
            kestrel.RequestHeaderEncodingSelector = _ => Encoding.Latin1;
            kestrel.Listen(Address(serve.Public.Host), serve.Public.Port, listen =>
            {
                Tag(listen, Surface.Public);
                bound.Public = listen;
            });
            kestrel.Listen(Address(serve.Admin.Host), serve.Admin.Port, listen =>
            {
                Tag(listen, Surface.Admin);
                bound.Admin = listen;
            });
        });
        return builder;
    }

    private static void Tag(ListenOptions listen, Surface surface) =>
        listen.Use(next => connection =>
        {
            connection.Items[SurfaceGuardMiddleware.ConnectionItemKey] = surface;
            return next(connection);
        });

    private static IPAddress Address(string host) => host switch
    {
        "localhost" => IPAddress.Loopback,
        _ when IPAddress.TryParse(host, out var ip) => ip,
        _ => throw new ConfigurationException("serve.public.host", $"expected an IP address, got \"{host}\""),
    };
}
