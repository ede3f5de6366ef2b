// SPDX-License-Identifier: Apache-2.0
using System.Net;

namespace Tessera.Hosting;

/// <summary>
/// The one place that decides a request's client address (rate limits, captcha <c>remoteip</c>, session devices).
/// The socket peer, unless it is a trusted proxy: then <c>X-Forwarded-For</c> is read from the right (each proxy
/// appends the address it saw), skipping trusted proxies, and the first address no trusted proxy vouches for is the
/// client. Entries left of it were written by the client itself and are ignored.
/// </summary>
internal sealed class ClientAddress(TrustedProxies proxies)
{
    public const string ForwardedForHeader = "X-Forwarded-For";

    public IPAddress? Of(HttpContext context)
    {
        var peer = context.Connection.RemoteIpAddress;
        if (peer is null)
        {
            return null;
        }

        var client = Normalize(peer);
        if (proxies.Networks.Count == 0 || !proxies.Contains(client))
        {
            return client;
        }

        var hops = context.Request.Headers[ForwardedForHeader]
            .SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        for (var i = hops.Count - 1; i >= 0; i--)
        {
            if (!IPAddress.TryParse(hops[i], out var hop))
            {
                // Garbage from the client side of the chain: the last address we could trust is the answer.
                return client;
            }

            client = Normalize(hop);
            if (!proxies.Contains(client))
            {
                return client;
            }
        }

        return client;
    }

    /// <summary>The text form used as a key and shown on sessions (IPv4-mapped IPv6 as plain IPv4).</summary>
    public string? TextOf(HttpContext context) => Of(context)?.ToString();

    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
