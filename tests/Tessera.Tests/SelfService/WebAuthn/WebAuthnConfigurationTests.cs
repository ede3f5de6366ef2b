// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Shouldly;
using Tessera.Configuration;
using Tessera.SelfService.Methods.Passkey;
using Tessera.SelfService.Methods.WebAuthn;

namespace Tessera.Tests.SelfService.WebAuthn;

/// <summary>Issue 23: the relying party of <c>selfservice.methods.{passkey,webauthn}</c> as Kratos's schema describes it.</summary>
public sealed class WebAuthnConfigurationTests
{
    [Fact]
    public void Passkey_EnabledWithoutRelyingPartyId_StopsStartUpNamingTheKey()
    {
        var config = Config(("selfservice.methods.passkey.enabled", "true"), ("selfservice.methods.passkey.config.rp.display_name", "Shop"));

        var refused = Should.Throw<ConfigurationException>(() => PasskeyOptions.Bind(config));

        refused.KeyPath.ShouldBe("selfservice.methods.passkey.config.rp.id");
    }

    [Fact]
    public void Passkey_Disabled_NeedsNoRelyingParty()
    {
        PasskeyOptions.Bind(Config()).RelyingParty.ShouldBeNull();
    }

    [Fact]
    public void WebAuthn_DeprecatedOrigin_IsTheOneOriginWithoutItsTrailingSlash()
    {
        var config = Config(("selfservice.methods.webauthn.enabled", "true"), ("selfservice.methods.webauthn.config.rp.id", "localhost"),
            ("selfservice.methods.webauthn.config.rp.display_name", "Shop"), ("selfservice.methods.webauthn.config.rp.origin", "http://localhost:4455/"),
            ("selfservice.methods.webauthn.config.passwordless", "true"));

        var options = WebAuthnOptions.Bind(config);

        options.Passwordless.ShouldBeTrue();
        options.RelyingParty!.Origins.ShouldBe(["http://localhost:4455"]);
    }

    [Fact]
    public void Passkey_OriginThatIsNotHttp_StopsStartUp()
    {
        var config = Config(("selfservice.methods.passkey.enabled", "true"), ("selfservice.methods.passkey.config.rp.id", "localhost"),
            ("selfservice.methods.passkey.config.rp.display_name", "Shop"));
        config.Set("selfservice.methods.passkey.config.rp.origins", new JsonArray(JsonValue.Create("javascript:alert(1)")));

        Should.Throw<ConfigurationException>(() => PasskeyOptions.Bind(config)).KeyPath.ShouldBe("selfservice.methods.passkey.config.rp.origins");
    }

    [Fact]
    public void Passkey_WithoutOrigins_DefaultsToTheIdWithThePublicUrlsScheme()
    {
        var config = Config(("selfservice.methods.passkey.enabled", "true"), ("selfservice.methods.passkey.config.rp.id", "shop.example"),
            ("selfservice.methods.passkey.config.rp.display_name", "Shop"), ("serve.public.base_url", "https://auth.shop.example/"));

        PasskeyOptions.Bind(config).RelyingParty!.Origins.ShouldBe(["https://shop.example"]);
    }

    private static ConfigurationTree Config(params (string Key, string Value)[] values)
    {
        var config = new ConfigurationTree([], new Dictionary<string, string>());
        foreach (var (key, value) in values)
        {
            config.Set(key, JsonValue.Create(value));
        }

        return config;
    }
}
