// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.Hosting;

namespace Tessera.Tests.Hosting;

/// <summary>Whether cookies are Secure when <c>cookies.secure</c> is not set (issue 9: zero configuration must sign in).</summary>
public sealed class CookieSettingsTests
{
    [Theory]
    [InlineData(null, null, false, false)]                           // zero configuration: http://127.0.0.1:4433
    [InlineData("localhost", null, false, false)]
    [InlineData("::1", null, false, false)]
    [InlineData(null, "http://localhost:4433/", false, false)]
    [InlineData(null, "http://127.0.0.1:8080/auth/", false, false)]
    [InlineData(null, "https://127.0.0.1:4433/", false, true)]      // TLS in front: Secure costs nothing
    [InlineData(null, "http://auth.example.com/", false, true)]     // a real host on plain http stays Secure (fail safe)
    [InlineData(null, "https://auth.example.com/", false, true)]
    [InlineData("0.0.0.0", null, false, true)]                      // reachable from the network
    [InlineData("", null, false, true)]
    [InlineData("0.0.0.0", "https://auth.example.com/", true, false)] // dev mode never marks Secure
    public void Bind_WithoutCookiesSecure_IsSecureUnlessDevOrPlainHttpLoopback(string? host, string? baseUrl, bool dev, bool secure)
    {
        var config = new ConfigurationTree([], new Dictionary<string, string>());
        if (host is not null)
        {
            config.Set("serve.public.host", JsonValue.Create(host));
        }

        if (baseUrl is not null)
        {
            config.Set("serve.public.base_url", JsonValue.Create(baseUrl));
        }

        config.Set("dev", JsonValue.Create(dev ? "true" : "false"));

        CookieSettings.Bind(config, ServeOptions.Bind(config)).Secure.ShouldBe(secure);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Bind_CookiesSecureSet_AlwaysWins(string value, bool secure)
    {
        var config = new ConfigurationTree([], new Dictionary<string, string>());
        config.Set("cookies.secure", JsonValue.Create(value));

        CookieSettings.Bind(config, ServeOptions.Bind(config)).Secure.ShouldBe(secure);
    }
}
