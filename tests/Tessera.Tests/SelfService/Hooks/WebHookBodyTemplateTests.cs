// SPDX-License-Identifier: Apache-2.0
using System.Text;
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.SelfService.Hooks;

namespace Tessera.Tests.SelfService.Hooks;

public sealed class WebHookBodyTemplateTests
{
    private const string Key = "selfservice.flows.registration.after.hooks.0.config.body";

    [Fact]
    public void Render_QuotedPlaceholder_EscapesTheValueInsideItsString()
    {
        var template = Load("""{"email": "{{identity.traits.email}}", "n": {{json identity.traits.n}} }""");

        var rendered = template.Render(Payload("x\",\"is_admin\":true,\"z\":\"\\\n</script>"));

        var body = JsonNode.Parse(rendered)!.AsObject();
        body.Select(p => p.Key).ShouldBe(["email", "n"]);
        body["email"]!.GetValue<string>().ShouldBe("x\",\"is_admin\":true,\"z\":\"\\\n</script>");
        body["n"]!.GetValue<long>().ShouldBe(7);
    }

    [Fact]
    public void Load_UnquotedStringPlaceholder_StopsNamingTheKey()
    {
        var error = Should.Throw<ConfigurationException>(() => Load("""{"email": {{identity.traits.email}} }"""));

        error.KeyPath.ShouldBe(Key);
        error.Problem.ShouldContain("valid JSON");
    }

    [Theory]
    [InlineData("""{"email": "{{{identity.traits.email}}}"}""")]
    [InlineData("""{"email": "{{&identity.traits.email}}"}""")]
    public void Load_UnescapedOutput_StopsNamingTheKey(string source) =>
        Should.Throw<ConfigurationException>(() => Load(source)).KeyPath.ShouldBe(Key);

    [Fact]
    public void Load_JsonHelperForAValueTheSampleLacks_RendersNullAndIsAccepted()
    {
        var template = Load("""{"age": {{json identity.traits.age}}, "id": "{{identity.id}}"}""");

        JsonNode.Parse(template.Render(Payload("a@example.com")))!["age"].ShouldBeNull();
    }

    private static WebHookBodyTemplate Load(string source) =>
        WebHookBodyTemplate.Load("base64://" + Convert.ToBase64String(Encoding.UTF8.GetBytes(source)), Key);

    private static JsonObject Payload(string email) => new()
    {
        ["identity"] = new JsonObject { ["id"] = "i1", ["traits"] = new JsonObject { ["email"] = email, ["n"] = 7 } },
    };
}
