// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.Hosting;
using Tessera.Projects.Overlays;
using Tessera.SelfService.Flows;

namespace Tessera.Tests.SelfService;

public sealed class ReturnToValidatorTests
{
    private static ReturnToValidator Validator()
    {
        var config = new ConfigurationTree([], new Dictionary<string, string>());
        config.Set("serve.public.base_url", JsonValue.Create("https://auth.example.com/"));
        config.Set("selfservice.default_browser_return_url", JsonValue.Create("https://app.example.com/home"));
        config.Set("selfservice.allowed_return_urls", new JsonArray("https://shop.example.org/account", "https://*.tenants.example.net"));
        return new ReturnToValidator(ProjectOptions<SelfServiceOptions>.Fixed(SelfServiceOptions.Bind(config)), new PublicUrls(ServeOptions.Bind(config), new BoundListeners()));
    }

    [Theory]
    [InlineData("https://auth.example.com/ui/welcome")]
    [InlineData("https://app.example.com/anything?x=1")]
    [InlineData("https://shop.example.org/account/orders")]
    [InlineData("https://a.tenants.example.net/dashboard")]
    [InlineData("/ui/welcome")]
    public void Validate_AllowedUrl_IsAccepted(string returnTo)
    {
        var result = Validator().Validate(returnTo);

        result.Succeeded.ShouldBeTrue();
        result.Value!.Scheme.ShouldBe("https");
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    [InlineData("http://app.example.com/")]
    [InlineData("https://shop.example.org/admin")]
    [InlineData("https://tenants.example.net.evil.io/")]
    [InlineData("https://app.example.com@evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("not a url")]
    public void Validate_ForeignUrl_IsReturnToForbidden(string returnTo)
    {
        var result = Validator().Validate(returnTo);

        result.Succeeded.ShouldBeFalse();
        result.Error.Descriptor.Id.ShouldBe("self_service_flow_return_to_forbidden");
    }

    [Fact]
    public void Validate_Nothing_IsNoReturnTo() => Validator().Validate(null).Value.ShouldBeNull();
}
