// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Sockets;

namespace Tessera.Hosting.Outbound;

/// <summary>
/// Which addresses an outbound call must not reach when <c>clients.http.disallow_private_ip_ranges</c> is on: the
/// ones that lead into the operator's own network (SSRF). IPv4-mapped, NAT64 and 6to4 IPv6 addresses are judged by
/// the IPv4 address they carry, so <c>::ffff:127.0.0.1</c> is as refused as <c>127.0.0.1</c>.
/// </summary>
internal static class PrivateAddressRanges
{
    /// <summary>Why <paramref name="address"/> is not public (e.g. "loopback"), or null when it is.</summary>
    public static string? Classify(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return Classify(address.MapToIPv4());
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ClassifyV6(address),
            _ => "not an IP address",
        };
    }

    private static string? ClassifyV4(ReadOnlySpan<byte> b) => b switch
    {
        [0, ..] => "unspecified",
        [10, ..] => "private",
        [100, >= 64 and <= 127, ..] => "shared (CGNAT)",
        [127, ..] => "loopback",
        [169, 254, ..] => "link-local",
        [172, >= 16 and <= 31, ..] => "private",
        [192, 0, 0, _] => "IETF protocol assignment",
        [192, 168, ..] => "private",
        [198, 18 or 19, ..] => "benchmarking",
        [>= 224 and <= 239, ..] => "multicast",
        [>= 240, ..] => "reserved",
        _ => null,
    };

    private static string? ClassifyV6(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (address.Equals(IPAddress.IPv6None))
        {
            return "unspecified";
        }

        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return "loopback";
        }

        if (address.IsIPv6Multicast)
        {
            return "multicast";
        }

        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal)
        {
            return "link-local";
        }

        if (address.IsIPv6UniqueLocal)
        {
            return "unique-local";
        }

        // 64:ff9b::/96 (NAT64) and ::/96 (IPv4-compatible) carry an IPv4 address in their last four bytes,
        // 2002::/16 (6to4) in bytes 2 to 5: a path to that IPv4 address is judged as that address.
        if (b.AsSpan(0, 12).SequenceEqual(new byte[] { 0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 }) || b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return ClassifyV4(b.AsSpan(12, 4));
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return ClassifyV4(b.AsSpan(2, 4));
        }

        return null;
    }
}
