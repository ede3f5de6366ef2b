// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.Projects.Domains;

namespace Tessera.Tests.Projects;

public sealed class DomainVerificationOptionsTests
{
    [Fact]
    public void Bind_Nothing_SystemResolversWithinFiveSeconds()
    {
        var options = DomainVerificationOptions.Bind(Config());

        options.Nameservers.ShouldBeEmpty();
        options.Timeout.ShouldBe(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Bind_AddressesWithAndWithoutPort_Port53ByDefault()
    {
        var options = DomainVerificationOptions.Bind(Config("""["127.0.0.1", "127.0.0.1:5353", "[::1]:53"]""", "2s"));

        options.Nameservers.ShouldBe([
            new IPEndPoint(IPAddress.Loopback, 53), new IPEndPoint(IPAddress.Loopback, 5353), new IPEndPoint(IPAddress.IPv6Loopback, 53)]);
        options.Timeout.ShouldBe(TimeSpan.FromSeconds(2));
    }

    [Theory]
    [InlineData("""["ns1.example.com"]""", null, DomainVerificationOptions.NameserversKey)]
    [InlineData("""["127.0.0.1:99999"]""", null, DomainVerificationOptions.NameserversKey)]
    [InlineData(null, "10ms", DomainVerificationOptions.TimeoutKey)]
    [InlineData(null, "2m", DomainVerificationOptions.TimeoutKey)]
    public void Bind_BadValue_StopsWithTheKeyPath(string? nameservers, string? timeout, string key)
    {
        var error = Should.Throw<ConfigurationException>(() => DomainVerificationOptions.Bind(Config(nameservers, timeout)));

        error.KeyPath.ShouldBe(key);
    }

    private static ConfigurationTree Config(string? nameservers = null, string? timeout = null)
    {
        var config = new ConfigurationTree([], new Dictionary<string, string>());
        if (nameservers is not null)
        {
            config.Set(DomainVerificationOptions.NameserversKey, JsonNode.Parse(nameservers));
        }

        if (timeout is not null)
        {
            config.Set(DomainVerificationOptions.TimeoutKey, JsonValue.Create(timeout));
        }

        return config;
    }
}
