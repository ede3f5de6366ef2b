// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Sockets;

namespace Tessera.Hosting.Outbound;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of every outbound client: resolves the host itself and, when
/// <paramref name="guarded"/>, connects only to the resolved addresses that <see cref="PrivateAddressRanges"/> lets
/// through. The check is on the address the socket actually connects to, so a name that resolves to a public address
/// when checked and a private one when used (DNS rebinding) gains nothing.
/// </summary>
internal sealed partial class OutboundConnector(bool guarded, IOutboundConnectAudit? audit, ILogger logger)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        audit?.Connecting(host, port);
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (guarded)
        {
            var refusals = addresses.Select(a => (Address: a, Reason: PrivateAddressRanges.Classify(a))).ToList();
            addresses = refusals.Where(r => r.Reason is null).Select(r => r.Address).ToArray();
            if (addresses.Length == 0)
            {
                var reason = refusals.FirstOrDefault().Reason ?? "unresolvable";
                LogRefused(logger, host, reason);
                throw new OutboundTargetRefusedException(host, reason);
            }
        }

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(address, port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    [LoggerMessage(EventId = 1400, Level = LogLevel.Warning,
        Message = "Refused an outbound call to {Host}: it resolves to a {Reason} address and clients.http.disallow_private_ip_ranges is true (list the URL in clients.http.private_ip_exception_urls to allow it)")]
    private static partial void LogRefused(ILogger logger, string host, string reason);
}
