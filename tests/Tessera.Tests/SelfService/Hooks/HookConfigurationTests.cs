// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Hooks;

namespace Tessera.Tests.SelfService.Hooks;

public sealed class HookConfigurationTests
{
    [Fact]
    public void Bind_WithoutConfiguration_RegistrationSignsInAndLogKeeps72Hours()
    {
        var hooks = HookConfiguration.Bind(Config());

        hooks.After(FlowKind.Registration, "password").Has(HookNames.Session).ShouldBeTrue();
        hooks.After(FlowKind.Login, "password").Hooks.ShouldBeEmpty();
        HookLogOptions.Bind(Config()).LogLifespan.ShouldBe(TimeSpan.FromHours(72));
    }

    [Fact]
    public void Bind_MethodChain_ReplacesTheGeneralAfterChain()
    {
        var hooks = HookConfiguration.Bind(Config(
            ("selfservice.flows.registration.after.hooks", """[{"hook":"session"}]"""),
            ("selfservice.flows.registration.after.password.hooks", """[{"hook":"show_verification_ui"}]""")));

        hooks.After(FlowKind.Registration, "password").Has(HookNames.Session).ShouldBeFalse();
    }

    [Theory]
    [InlineData("""[{"hook":"web_hook","config":{"url":"not a url"}}]""", "selfservice.flows.login.after.hooks.0.config.url")]
    [InlineData("""[{"hook":"web_hook","config":{"url":"ftp://x.example/"}}]""", "selfservice.flows.login.after.hooks.0.config.url")]
    [InlineData("""[{"hook":"session"},{"hook":"nope"}]""", "selfservice.flows.login.after.hooks.1.hook")]
    [InlineData("""[{"hook":"web_hook","config":{"url":"https://x.example/","response":{"ignore":true,"parse":true}}}]""", "selfservice.flows.login.after.hooks.0.config.response")]
    [InlineData("""[{"hook":"web_hook","config":{"url":"https://x.example/","auth":{"type":"api_key","config":{"name":"k"}}}}]""", "selfservice.flows.login.after.hooks.0.config.auth.config.value")]
    [InlineData("""[{"hook":"web_hook","config":{"url":"https://x.example/","timeout":"soon"}}]""", "selfservice.flows.login.after.hooks.0.config.timeout")]
    public void Bind_BadHook_StopsStartUpNamingTheKey(string chain, string key)
    {
        var error = Should.Throw<ConfigurationException>(() => HookConfiguration.Bind(Config(("selfservice.flows.login.after.hooks", chain))));

        error.KeyPath.ShouldBe(key);
    }

    [Fact]
    public void Bind_KnownNamesOfOtherSlices_AreAccepted()
    {
        var hooks = HookConfiguration.Bind(Config(
            ("selfservice.flows.login.after.hooks", """[{"hook":"require_verified_address"},{"hook":"revoke_active_sessions"}]""")));

        hooks.After(FlowKind.Login, "password").Hooks.Select(h => h.Name).ShouldBe(["require_verified_address", "revoke_active_sessions"]);
    }

    [Fact]
    public void SplitForPersist_KeepsOrder_UpToTheLastInterruptingHook()
    {
        var hooks = HookConfiguration.Bind(Config(("selfservice.flows.registration.after.hooks", """
            [{"hook":"web_hook","config":{"url":"https://a.example/"}},
             {"hook":"web_hook","config":{"url":"https://b.example/","can_interrupt":true}},
             {"hook":"web_hook","config":{"url":"https://c.example/","response":{"ignore":true}}},
             {"hook":"session"}]
            """)));

        var (before, after) = hooks.After(FlowKind.Registration, "password").SplitForPersist();

        before.Hooks.Select(h => h.Index).ShouldBe([0, 1]);
        after.Hooks.Select(h => h.Index).ShouldBe([2, 3]);
    }

    [Fact]
    public void BodyTemplate_Base64_RendersJsonValuesEscaped()
    {
        var source = """{"email": {{json identity.traits.email}}, "flow": {{json flow.id}} }""";
        var template = WebHookBodyTemplate.Load("base64://" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(source)), "k");

        var rendered = template.Render(new JsonObject
        {
            ["identity"] = new JsonObject { ["traits"] = new JsonObject { ["email"] = "a\"b@example.com" } },
            ["flow"] = new JsonObject { ["id"] = "f1" },
        });

        var parsed = JsonNode.Parse(rendered)!;
        parsed["email"]!.GetValue<string>().ShouldBe("a\"b@example.com");
        parsed["flow"]!.GetValue<string>().ShouldBe("f1");
    }

    private static ConfigurationTree Config(params (string Key, string Value)[] values)
    {
        var config = new ConfigurationTree([], new Dictionary<string, string>());
        foreach (var (key, value) in values)
        {
            config.Set(key, JsonNode.Parse(value));
        }

        return config;
    }
}
