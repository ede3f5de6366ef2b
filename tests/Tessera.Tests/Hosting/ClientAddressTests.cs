// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tessera.Configuration;
using Tessera.Hosting;

namespace Tessera.Tests.Hosting;

public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("", "10.0.0.5", "203.0.113.1", "10.0.0.5")]
    [InlineData("10.0.0.0/8", "10.0.0.5", "203.0.113.1", "203.0.113.1")]
    [InlineData("10.0.0.0/8", "10.0.0.5", "198.51.100.1, 203.0.113.1", "203.0.113.1")]
    [InlineData("10.0.0.0/8", "10.0.0.5", "203.0.113.1, 10.0.0.9", "203.0.113.1")]
    [InlineData("10.0.0.0/8", "10.0.0.5", "garbage, 10.0.0.9", "10.0.0.9")]
    [InlineData("10.0.0.0/8", "10.0.0.5", "", "10.0.0.5")]
    [InlineData("127.0.0.1", "::ffff:127.0.0.1", "203.0.113.1", "203.0.113.1")]
    [InlineData("192.168.1.1", "10.0.0.5", "203.0.113.1", "10.0.0.5")]
    public void Of_BelievesXForwardedForOnlyFromTrustedProxies(string trusted, string peer, string forwardedFor, string expected)
    {
        var config = new ConfigurationTree([], new Dictionary<string, string>());
        if (trusted.Length > 0)
        {
            config.Set(TrustedProxies.Key, new JsonArray(JsonValue.Create(trusted)));
        }

        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        if (forwardedFor.Length > 0)
        {
            context.Request.Headers[ClientAddress.ForwardedForHeader] = forwardedFor;
        }

        new ClientAddress(TrustedProxies.Bind(config)).TextOf(context).ShouldBe(expected);
    }

    [Fact]
    public void Bind_NotAnAddress_StopsWithTheKey()
    {
        var config = new ConfigurationTree([], new Dictionary<string, string>());
        config.Set(TrustedProxies.Key, new JsonArray(JsonValue.Create("proxy.example")));

        Should.Throw<ConfigurationException>(() => TrustedProxies.Bind(config)).Message.ShouldContain(TrustedProxies.Key);
    }
}
