// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.OAuth2.TokenHooks;

namespace Tessera.Tests.OAuth2.TokenHooks;

public sealed class TokenHookOptionsTests
{
    private static ConfigurationTree Config(IReadOnlyDictionary<string, string>? environment = null, params (string Key, string Json)[] values)
    {
        var config = new ConfigurationTree([], environment ?? new Dictionary<string, string>());
        foreach (var (key, json) in values)
        {
            config.Set(key, JsonNode.Parse(json));
        }

        return config;
    }

    [Fact]
    public void Bind_WithoutConfiguration_HasNoHooks()
    {
        var options = TokenHookOptions.Bind(Config());

        options.TokenHook.ShouldBeNull();
        options.RefreshTokenHook.ShouldBeNull();
    }

    [Fact]
    public void Bind_UrlString_IsAHookWithoutAuthAndTheDefaultTimeout()
    {
        var options = TokenHookOptions.Bind(Config(null, ("oauth2.token_hook", "\"https://hooks.example/token\"")));

        options.TokenHook!.Url.ShouldBe(new Uri("https://hooks.example/token"));
        options.TokenHook.Method.ShouldBe(HttpMethod.Post);
        options.TokenHook.Auth.ShouldBeNull();
        options.TokenHook.Timeout.ShouldBe(TimeSpan.FromSeconds(10));
        options.RefreshTokenHook.ShouldBeNull();
    }

    [Fact]
    public void Bind_HydraWebhookConfig_ReadsUrlApiKeyAndTimeout()
    {
        var options = TokenHookOptions.Bind(Config(null, ("oauth2.refresh_token_hook",
            """{"url": "https://hooks.example/refresh", "timeout": "2s", "auth": {"type": "api_key", "config": {"name": "X-API-Key", "value": "k", "in": "cookie"}}}""")));

        var hook = options.RefreshTokenHook!;
        hook.Url.ShouldBe(new Uri("https://hooks.example/refresh"));
        hook.Timeout.ShouldBe(TimeSpan.FromSeconds(2));
        hook.Auth.ShouldBe(new Tessera.SelfService.Hooks.WebHookAuth("api_key", "X-API-Key", "k", "cookie"));
    }

    [Fact]
    public void Bind_EnvironmentOverridesOfMembers_AreRead()
    {
        var environment = new Dictionary<string, string>
        {
            ["OAUTH2_TOKEN_HOOK_URL"] = "https://hooks.example/env",
            ["OAUTH2_TOKEN_HOOK_AUTH_TYPE"] = "api_key",
            ["OAUTH2_TOKEN_HOOK_AUTH_CONFIG_NAME"] = "X-Key",
            ["OAUTH2_TOKEN_HOOK_AUTH_CONFIG_VALUE"] = "from-env",
        };

        var hook = TokenHookOptions.Bind(Config(environment)).TokenHook!;

        hook.Url.ShouldBe(new Uri("https://hooks.example/env"));
        hook.Auth!.Value.ShouldBe("from-env");
        hook.Auth.In.ShouldBe("header");
    }

    [Theory]
    [InlineData("\"not a url\"", "oauth2.token_hook.url")]
    [InlineData("\"ftp://hooks.example/x\"", "oauth2.token_hook.url")]
    [InlineData("""{"auth": {"type": "api_key", "config": {"name": "a", "value": "b"}}}""", "oauth2.token_hook.url")]
    [InlineData("""{"url": "https://h.example", "method": "GET"}""", "oauth2.token_hook.method")]
    [InlineData("""{"url": "https://h.example", "auth": {"type": "basic_auth", "config": {"user": "a", "password": "b"}}}""", "oauth2.token_hook.auth.type")]
    [InlineData("""{"url": "https://h.example", "auth": {"type": "api_key", "config": {"name": "a"}}}""", "oauth2.token_hook.auth.config.value")]
    [InlineData("""{"url": "https://h.example", "timeout": "soon"}""", "oauth2.token_hook.timeout")]
    [InlineData("[1]", "oauth2.token_hook")]
    public void Bind_BadHook_StopsStartUpNamingTheKey(string json, string key)
    {
        var e = Should.Throw<ConfigurationException>(() => TokenHookOptions.Bind(Config(null, ("oauth2.token_hook", json))));

        e.KeyPath.ShouldBe(key);
    }
}
