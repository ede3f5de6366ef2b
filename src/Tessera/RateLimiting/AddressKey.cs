// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Sockets;
using Tessera.Hosting;

namespace Tessera.RateLimiting;

/// <summary>
/// A client address as a rate-limit key. An IPv6 client is keyed by its /64: a network hands one subscriber at least a
/// whole /64 (RFC 6177, RFC 7934; SLAAC needs it), so keying by the full address would give one attacker 2^64 fresh
/// keys for the price of one. IPv4 (and IPv4-mapped IPv6) keeps the whole address. Sessions still show the full address.
/// </summary>
internal static class AddressKey
{
    public const string Unknown = "unknown";

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return Unknown;
        }

        var normal = ClientAddress.Normalize(address);
        if (normal.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return normal.ToString();
        }

        var bytes = normal.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
