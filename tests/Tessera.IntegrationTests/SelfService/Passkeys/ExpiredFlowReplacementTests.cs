// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Shouldly;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Passkeys;

/// <summary>
/// Issue 23: an expired flow's replacement is the form a fresh flow shows, passkey and security-key nodes included
/// (with a challenge of its own, kept in the replacement).
/// </summary>
public sealed class ExpiredFlowReplacementTests
{
    [Theory]
    [InlineData("login")]
    [InlineData("registration")]
    public async Task ExpiredFlow_Replacement_CarriesTheNodesOfAFreshFlow(string kind)
    {
        var port = FreePort.Next();
        var settings = PasskeyServer.Settings(port, $"[\"http://localhost:{port}\"]");
        settings["selfservice.methods.webauthn.config.passwordless"] = "true";
        settings[$"selfservice.flows.{kind}.lifespan"] = "1s";
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, settings);
        using var browser = new BrowserClient(new Uri($"http://localhost:{port}/"));
        using var expired = await SecurityKeyFirstFactorTests.StartAsync(browser, kind);
        server.Clock.Advance(TimeSpan.FromSeconds(2));
        using var fresh = await SecurityKeyFirstFactorTests.StartAsync(browser, kind);

        using var answer = await browser.SendJsonAsync(HttpMethod.Post, SecurityKeyFirstFactorTests.Action(expired), new Dictionary<string, object>
        {
            ["csrf_token"] = FlowJson.NodeValue(expired.RootElement, "csrf_token")!,
            ["method"] = "password",
        });
        answer.StatusCode.ShouldBe(HttpStatusCode.Gone);
        using var error = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        using var replacement = await browser.GetFlowAsync(kind, error.RootElement.GetProperty("use_flow_id").GetString()!);

        SecurityKeyFirstFactorTests.Nodes(replacement.RootElement).ShouldBe(SecurityKeyFirstFactorTests.Nodes(fresh.RootElement));
        if (kind == "login")
        {
            SecurityKeyFirstFactorTests.Nodes(replacement.RootElement).ShouldContain("input passkey passkey_login_trigger button 1010021");
            SecurityKeyFirstFactorTests.Nodes(replacement.RootElement).ShouldContain("input webauthn method submit 1010008");
            FlowJson.NodeValue(replacement.RootElement, "passkey_challenge").ShouldNotBe(FlowJson.NodeValue(fresh.RootElement, "passkey_challenge"));
        }
    }
}
