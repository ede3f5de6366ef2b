// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Tessera.RateLimiting;

namespace Tessera.Tests.RateLimiting;

public sealed class AddressKeyTests
{
    [Theory]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::", "2001:db8:1:2::/64")]
    [InlineData("fe80::1%3", "fe80::/64")]
    public void Of_IPv6_KeysTheWhole64(string address, string expected)
    {
        AddressKey.Of(IPAddress.Parse(address)).ShouldBe(expected);
    }

    [Fact]
    public void Of_TwoAddressesOfOneSubscriber64_ShareAKey_TheNext64DoesNot()
    {
        var first = AddressKey.Of(IPAddress.Parse("2001:db8:aa:bb::1"));
        var second = AddressKey.Of(IPAddress.Parse("2001:db8:aa:bb:1234:5678:9abc:def0"));
        var neighbour = AddressKey.Of(IPAddress.Parse("2001:db8:aa:bc::1"));

        second.ShouldBe(first);
        neighbour.ShouldNotBe(first);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    public void Of_IPv4AndMappedIPv4_KeepTheWholeAddress(string address, string expected)
    {
        AddressKey.Of(IPAddress.Parse(address)).ShouldBe(expected);
    }

    [Fact]
    public void Of_NoAddress_IsUnknown()
    {
        AddressKey.Of(null).ShouldBe("unknown");
    }
}
