// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Hosting.Outbound;

/// <summary>
/// The primary handler of the shared outbound client: a request goes to the guarded connection pool unless the
/// private ranges are allowed or its URL is a <c>private_ip_exception_urls</c> entry. Two pools, not one, because
/// pooled connections are shared per host and port: a connection opened for an exempt URL must never carry a
/// request for another URL on the same host. Redirects are not followed (a redirect could leave the exempt URL).
/// </summary>
internal sealed class OutboundHttpHandler(OutboundHttpOptions options, IOutboundConnectAudit? audit, ILogger logger) : HttpMessageHandler
{
    private readonly HttpMessageInvoker _guarded = new(Pool(new OutboundConnector(guarded: true, audit, logger)));
    private readonly HttpMessageInvoker _open = new(Pool(new OutboundConnector(guarded: false, audit, logger)));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var guarded = options.DisallowPrivateIpRanges && !(request.RequestUri is { } url && options.IsExempt(url));
        return (guarded ? _guarded : _open).SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _guarded.Dispose();
            _open.Dispose();
        }

        base.Dispose(disposing);
    }

    private static SocketsHttpHandler Pool(OutboundConnector connector) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        // A proxy would make the connector see the proxy, not the target: the guard needs direct connections.
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = connector.ConnectAsync,
    };
}
