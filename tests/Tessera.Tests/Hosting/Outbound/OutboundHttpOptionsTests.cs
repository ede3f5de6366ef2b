// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.Hosting.Outbound;

namespace Tessera.Tests.Hosting.Outbound;

public sealed class OutboundHttpOptionsTests
{
    [Fact]
    public void Bind_Nothing_AllowsPrivateRangesAsKratos()
    {
        var options = OutboundHttpOptions.Bind(Config());

        options.DisallowPrivateIpRanges.ShouldBeFalse();
        options.PrivateIpExceptionUrls.ShouldBeEmpty();
    }

    [Fact]
    public void IsExempt_ExactEntry_MatchesThatUrlOnly()
    {
        var options = OutboundHttpOptions.Bind(Config("""["http://127.0.0.1:4000/hook"]"""));

        options.IsExempt(new Uri("http://127.0.0.1:4000/hook")).ShouldBeTrue();
        options.IsExempt(new Uri("http://127.0.0.1:4000/hook/more")).ShouldBeFalse();
        options.IsExempt(new Uri("http://127.0.0.1:4000/other")).ShouldBeFalse();
        options.IsExempt(new Uri("http://127.0.0.1:4001/hook")).ShouldBeFalse();
    }

    [Fact]
    public void IsExempt_EntryWithAStar_MatchesAnyRunOfCharactersThere()
    {
        var options = OutboundHttpOptions.Bind(Config("""["http://127.0.0.1:4000/*"]"""));

        options.IsExempt(new Uri("http://127.0.0.1:4000/a/b?c=d")).ShouldBeTrue();
        options.IsExempt(new Uri("http://127.0.0.1:4001/a")).ShouldBeFalse();
        options.IsExempt(new Uri("http://127.0.0.1.evil.example:4000/a")).ShouldBeFalse();
    }

    [Fact]
    public void Bind_EntryThatIsNoUrl_StopsNamingTheKeyPath()
    {
        var error = Should.Throw<ConfigurationException>(() => OutboundHttpOptions.Bind(Config("""["http://ok.example/", "not a url"]""")));

        error.KeyPath.ShouldBe("clients.http.private_ip_exception_urls.1");
    }

    private static ConfigurationTree Config(string? exceptions = null)
    {
        var config = new ConfigurationTree([], new Dictionary<string, string>());
        if (exceptions is not null)
        {
            config.Set("clients.http.disallow_private_ip_ranges", JsonValue.Create("true"));
            config.Set("clients.http.private_ip_exception_urls", JsonNode.Parse(exceptions));
        }

        return config;
    }
}
