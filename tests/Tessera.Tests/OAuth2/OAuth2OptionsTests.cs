// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.Configuration.Keys;
using Tessera.Errors;
using Tessera.OAuth2;

namespace Tessera.Tests.OAuth2;

public sealed class OAuth2OptionsTests
{
    [Fact]
    public void Bind_NothingConfigured_HasHydrasDefaults()
    {
        var options = OAuth2Options.Bind(Config());

        options.AccessTokenStrategy.ShouldBe(AccessTokenStrategy.Opaque);
        options.AccessTokenLifespan.ShouldBe(TimeSpan.FromHours(1));
        options.RefreshTokenLifespan.ShouldBe(TimeSpan.FromHours(720));
        options.AuthorizationCodeLifespan.ShouldBe(TimeSpan.FromMinutes(10));
        options.PkceEnforced.ShouldBeFalse();
        options.PkceEnforcedForPublicClients.ShouldBeTrue();
        options.RefreshTokenRotationGracePeriod.ShouldBe(TimeSpan.FromSeconds(5));
        options.Issuer.ShouldBeNull();
    }

    [Fact]
    public void Bind_GracePeriodAboveFiveMinutesOrUnknownStrategy_StopsStartUp()
    {
        Should.Throw<ConfigurationException>(() => OAuth2Options.Bind(Config(("oauth2.grant.refresh_token.rotation_grace_period", "6m"))))
            .Message.ShouldContain("oauth2.grant.refresh_token.rotation_grace_period");
        Should.Throw<ConfigurationException>(() => OAuth2Options.Bind(Config(("strategies.access_token", "paseto"))));
        OAuth2Options.Bind(Config(("strategies.access_token", "jwt"))).AccessTokenStrategy.ShouldBe(AccessTokenStrategy.Jwt);
    }

    [Fact]
    public void KeyTable_HydraKeysTheProviderReads_AreImplemented()
    {
        foreach (var key in new[] { "urls.self.issuer", "strategies.access_token", "ttl.access_token", "oauth2.pkce.enforced", "oauth2.token_hook", "oauth2.grant.refresh_token.rotation_grace_period" })
        {
            KeyTable.Find(key)!.Status.ShouldBe(KeyStatus.Implemented, key);
        }
    }

    [Fact]
    public void Catalog_EveryOAuth2Entry_HasAnRfcCode()
    {
        var entries = ErrorCatalog.All.Where(e => e.Id.StartsWith("oauth2_", StringComparison.Ordinal)).Select(e => e.Id);

        entries.ShouldBe(OAuth2Errors.EntryIds, ignoreOrder: true);
    }

    private static ConfigurationTree Config(params (string Key, string Value)[] settings)
    {
        var config = new ConfigurationTree([], new Dictionary<string, string>());
        foreach (var (key, value) in settings)
        {
            config.Set(key, JsonValue.Create(value));
        }

        return config;
    }
}
