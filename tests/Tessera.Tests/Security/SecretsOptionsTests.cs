// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.Security.Secrets;

namespace Tessera.Tests.Security;

public sealed class SecretsOptionsTests
{
    [Fact]
    public void Bind_KratosLists_KeepsTheirOrder()
    {
        var options = SecretsOptions.Bind(Config(new()
        {
            ["secrets"] = JsonNode.Parse("""{"default":["new-secret-0123456789","old-secret-0123456789"],"cookie":["cookie-secret-0123456789"]}"""),
        }));

        options.Default.ShouldBe(["new-secret-0123456789", "old-secret-0123456789"]);
        options.Cookie.ShouldBe(["cookie-secret-0123456789"]);
    }

    [Fact]
    public void Bind_Nothing_GivesEmptyLists()
    {
        var options = SecretsOptions.Bind(Config([]));

        options.Default.ShouldBeEmpty();
        options.Cookie.ShouldBeEmpty();
    }

    [Fact]
    public void Bind_EnvironmentVariable_AcceptsAJsonListOrCommas()
    {
        var json = SecretsOptions.Bind(Config([], new() { ["SECRETS_DEFAULT"] = """["aaaaaaaaaaaaaaaa","bbbbbbbbbbbbbbbb"]""" }));
        var commas = SecretsOptions.Bind(Config([], new() { ["SECRETS_COOKIE"] = "aaaaaaaaaaaaaaaa,bbbbbbbbbbbbbbbb" }));

        json.Default.ShouldBe(["aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"]);
        commas.Cookie.ShouldBe(["aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"]);
    }

    [Theory]
    [InlineData("default", """["long-enough-secret-1","short"]""", "secrets.default[1]")]
    [InlineData("cookie", """["short"]""", "secrets.cookie[0]")]
    [InlineData("default", """["same-secret-0123456789","same-secret-0123456789"]""", "secrets.default[1]")]
    public void Bind_ShortOrRepeatedSecret_StopsStartNamingThePosition_NotTheValue(string key, string list, string path)
    {
        var error = Should.Throw<ConfigurationException>(() => SecretsOptions.Bind(Config(new()
        {
            ["secrets." + key] = JsonNode.Parse(list),
        })));

        error.Message.ShouldContain(path);
        error.Message.ShouldNotContain("short\"");
        error.Message.ShouldNotContain("same-secret");
    }

    private static ConfigurationTree Config(Dictionary<string, JsonNode?> values, Dictionary<string, string>? environment = null)
    {
        var config = new ConfigurationTree([], environment ?? []);
        foreach (var (key, value) in values)
        {
            config.Set(key, value);
        }

        return config;
    }
}
