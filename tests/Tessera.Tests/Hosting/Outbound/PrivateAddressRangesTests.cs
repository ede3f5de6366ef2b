// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Tessera.Hosting.Outbound;

namespace Tessera.Tests.Hosting.Outbound;

public sealed class PrivateAddressRangesTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.9", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("100.64.0.1", "shared (CGNAT)")]
    [InlineData("100.127.255.254", "shared (CGNAT)")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("255.255.255.255", "reserved")]
    public void Classify_PrivateIPv4_NamesTheRange(string address, string reason) =>
        PrivateAddressRanges.Classify(IPAddress.Parse(address)).ShouldBe(reason);

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Classify_PublicAddress_IsNull(string address) =>
        PrivateAddressRanges.Classify(IPAddress.Parse(address)).ShouldBeNull();

    [Theory]
    [InlineData("::1", "loopback")]
    [InlineData("::", "unspecified")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fc00::1", "unique-local")]
    [InlineData("fd12:3456::1", "unique-local")]
    [InlineData("ff02::1", "multicast")]
    public void Classify_PrivateIPv6_NamesTheRange(string address, string reason) =>
        PrivateAddressRanges.Classify(IPAddress.Parse(address)).ShouldBe(reason);

    [Theory]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("64:ff9b::7f00:1", "loopback")]
    [InlineData("2002:a00:1::", "private")]
    [InlineData("::7f00:1", "loopback")]
    public void Classify_IPv6CarryingAPrivateIPv4_IsJudgedByTheIPv4Address(string address, string reason) =>
        PrivateAddressRanges.Classify(IPAddress.Parse(address)).ShouldBe(reason);
}
