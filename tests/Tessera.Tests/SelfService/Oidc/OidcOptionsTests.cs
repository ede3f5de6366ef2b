// SPDX-License-Identifier: Apache-2.0
using System.Text;
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.SelfService.Methods.Oidc.Providers;

namespace Tessera.Tests.SelfService.Oidc;

/// <summary>Issue 19: every provider is checked at start-up, and a bad one names its key path.</summary>
public sealed class OidcOptionsTests
{
    private static readonly string Mapper = Base64("{\"traits\": {\"email\": \"claims.email\", \"name\": {\"first\": \"claims.given_name\"}}}");

    [Fact]
    public void Bind_GenericProvider_KeepsItsIssuerAndScope()
    {
        var options = Bind(Provider(("issuer_url", "https://id.example.org")));

        var provider = options.Providers.ShouldHaveSingleItem();
        provider.IssuerUrl!.AbsoluteUri.ShouldBe("https://id.example.org/");
        provider.IssuesIdTokens.ShouldBeTrue();
        provider.Scope.ShouldBe(["openid", "email", "profile"]);
        options.Enabled.ShouldBeTrue();
    }

    [Fact]
    public void Bind_GithubPreset_FillsEndpointsAndReadsUserInfoInsteadOfIdTokens()
    {
        var provider = Bind(Provider(("provider", "github"))).Providers.ShouldHaveSingleItem();

        provider.IssuesIdTokens.ShouldBeFalse();
        provider.TokenUrl!.Host.ShouldBe("github.com");
        provider.UserInfoUrl!.Host.ShouldBe("api.github.com");
        provider.Label.ShouldBe("GitHub");
    }

    [Fact]
    public void Bind_PlainOAuth2ProviderWithUserInfoUrl_ReadsUserInfoFromThatUrl()
    {
        var provider = Bind(Provider(("auth_url", "https://id.example.org/authorize"), ("token_url", "https://id.example.org/token"),
            ("user_info_url", "https://api.example.org/user"))).Providers.ShouldHaveSingleItem();

        provider.IssuesIdTokens.ShouldBeFalse();
        provider.UserInfoUrl!.AbsoluteUri.ShouldBe("https://api.example.org/user");
    }

    [Theory]
    [InlineData(null, "selfservice.methods.oidc.config.providers.0.issuer_url")]
    [InlineData("not a url", "selfservice.methods.oidc.config.providers.0.user_info_url")]
    [InlineData("ftp://api.example.org/user", "selfservice.methods.oidc.config.providers.0.user_info_url")]
    public void Bind_PlainOAuth2ProviderWithoutUsableUserInfoUrl_StopsStartUpWithTheKeyPath(string? userInfoUrl, string expectedPath)
    {
        var provider = Provider(("auth_url", "https://id.example.org/authorize"), ("token_url", "https://id.example.org/token"));
        provider["user_info_url"] = userInfoUrl;

        Should.Throw<ConfigurationException>(() => Bind(provider)).KeyPath.ShouldBe(expectedPath);
    }

    [Theory]
    [InlineData("provider", "myspace", "selfservice.methods.oidc.config.providers.0.provider")]
    [InlineData("issuer_url", null, "selfservice.methods.oidc.config.providers.0.issuer_url")]
    [InlineData("issuer_url", "not a url", "selfservice.methods.oidc.config.providers.0.issuer_url")]
    [InlineData("auth_url", "not a url", "selfservice.methods.oidc.config.providers.0.auth_url")]
    [InlineData("token_url", "ftp://id.example.org/token", "selfservice.methods.oidc.config.providers.0.token_url")]
    [InlineData("claims_source", "access_token", "selfservice.methods.oidc.config.providers.0.claims_source")]
    [InlineData("client_id", "", "selfservice.methods.oidc.config.providers.0.client_id")]
    [InlineData("id", "with space", "selfservice.methods.oidc.config.providers.0.id")]
    public void Bind_BadProvider_StopsStartUpWithTheKeyPath(string key, string? value, string expectedPath)
    {
        var provider = Provider(("issuer_url", "https://id.example.org"));
        provider[key] = value;

        Should.Throw<ConfigurationException>(() => Bind(provider)).KeyPath.ShouldBe(expectedPath);
    }

    [Theory]
    [InlineData("local claims = std.extVar('claims'); { identity: { traits: { email: claims.email } } }")]
    [InlineData("function(ctx) { identity: { traits: { email: ctx.claims.email } } }")]
    public void Bind_JsonnetMapper_IsRefusedSayingWhatToUseInstead(string jsonnet)
    {
        var provider = Provider(("issuer_url", "https://id.example.org"));
        provider["mapper_url"] = Base64(jsonnet);

        var refused = Should.Throw<ConfigurationException>(() => Bind(provider));

        refused.KeyPath.ShouldBe("selfservice.methods.oidc.config.providers.0.mapper_url");
        refused.Problem.ShouldContain("Jsonnet");
        refused.Problem.ShouldContain("claims.email");
    }

    [Theory]
    [InlineData("{\"traits\": {\"email\": \"email\"}}")]
    [InlineData("{\"identity\": {\"traits\": {}}}")]
    [InlineData("[1, 2]")]
    public void Bind_MapperThatIsNotAClaimTemplate_IsRefused(string template)
    {
        var provider = Provider(("issuer_url", "https://id.example.org"));
        provider["mapper_url"] = Base64(template);

        Should.Throw<ConfigurationException>(() => Bind(provider)).KeyPath.ShouldBe("selfservice.methods.oidc.config.providers.0.mapper_url");
    }

    [Theory]
    [InlineData("base64", false)]
    [InlineData("file:///etc/mapper.json", true)]
    [InlineData("/etc/mapper.json", true)]
    [InlineData("the file's own", false)]
    public void Bind_OverlayMapperNamingAFileTheFileDoesNotUseThere_IsRefusedNamingTheKey(string location, bool refused)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{\"traits\": {\"email\": \"claims.email\"}}");
            var fileMapper = "file://" + path;
            var config = Config(new JsonArray(Provider(("issuer_url", "https://id.example.org"), ("mapper_url", fileMapper))));
            var overlaid = Provider(("issuer_url", "https://acme.example.org"));
            overlaid["mapper_url"] = location switch { "base64" => Mapper, "the file's own" => fileMapper, _ => location };
            var merged = config.WithOverlay(new JsonObject
            {
                ["selfservice"] = new JsonObject { ["methods"] = new JsonObject { ["oidc"] = new JsonObject { ["config"] = new JsonObject { ["providers"] = new JsonArray(overlaid) } } } },
            });

            if (refused)
            {
                var error = Should.Throw<ConfigurationException>(() => OidcOptions.Bind(merged));
                error.KeyPath.ShouldBe("selfservice.methods.oidc.config.providers.0.mapper_url");
                error.Problem.ShouldContain("base64://");
            }
            else
            {
                OidcOptions.Bind(merged).Providers.ShouldHaveSingleItem().IssuerUrl!.Host.ShouldBe("acme.example.org");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Bind_TwoProvidersWithOneId_IsRefused()
    {
        var config = Config(new JsonArray(Provider(("issuer_url", "https://a.example.org")), Provider(("issuer_url", "https://b.example.org"))));

        Should.Throw<ConfigurationException>(() => OidcOptions.Bind(config)).KeyPath.ShouldBe("selfservice.methods.oidc.config.providers");
    }

    [Fact]
    public void Mapper_FillsNestedTraitsFromClaims_AndLeavesMissingClaimsOut()
    {
        var provider = Bind(Provider(("issuer_url", "https://id.example.org"))).Providers.Single();

        var mapped = provider.Mapper.Map(new JsonObject { ["sub"] = "1", ["given_name"] = "Ada" });

        mapped.ToJsonString().ShouldBe("{\"traits\":{\"name\":{\"first\":\"Ada\"}}}");
    }

    private static OidcOptions Bind(JsonObject provider) => OidcOptions.Bind(Config(new JsonArray(provider)));

    private static ConfigurationTree Config(JsonArray providers)
    {
        var config = new ConfigurationTree([], new Dictionary<string, string>());
        config.Set("selfservice.methods.oidc.enabled", JsonValue.Create(true));
        config.Set("selfservice.methods.oidc.config.providers", providers);
        return config;
    }

    private static JsonObject Provider(params (string Key, string Value)[] fields)
    {
        var provider = new JsonObject
        {
            ["id"] = "idp", ["provider"] = "generic", ["client_id"] = "client", ["client_secret"] = "secret", ["mapper_url"] = Mapper,
        };
        foreach (var (key, value) in fields)
        {
            provider[key] = value;
        }

        return provider;
    }

    private static string Base64(string text) => "base64://" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
