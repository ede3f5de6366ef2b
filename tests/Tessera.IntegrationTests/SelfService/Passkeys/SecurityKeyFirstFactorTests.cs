// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Shouldly;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Passkeys;

/// <summary>
/// Issue 23: security keys as a first factor (<c>webauthn.config.passwordless: true</c>), the flows' JSON as a script
/// or Ory's UIs read it: Kratos's nodes and message ids (1010008, 1010011, 1040004); an identifier that names no account
/// gets the same second step as one that does. The ceremonies themselves run in Chromium
/// (<see cref="SecurityKeyFirstFactorBrowserTests"/>).
/// </summary>
public sealed class SecurityKeyFirstFactorTests(SecurityKeyServer server) : IClassFixture<SecurityKeyServer>
{
    [Fact]
    public async Task PasswordlessLogin_OffersMethodWebAuthn_ThenTheCeremonyForAnyIdentifierAlike()
    {
        var known = $"key-{Guid.NewGuid():N}@example.com";
        await TestIdentities.CreateAsync(server.Server, known, "a long enough passphrase 42");

        var steps = new List<string>();
        foreach (var identifier in new[] { known, $"nobody-{Guid.NewGuid():N}@example.com" })
        {
            using var browser = new BrowserClient(server.BaseUrl);
            using var flow = await StartAsync(browser, "login");
            var choice = FlowJson.Node(flow.RootElement, "method");
            Nodes(flow.RootElement).ShouldContain("input webauthn method submit 1010008");
            choice.ShouldNotBe(default);

            using var answer = await browser.SendJsonAsync(HttpMethod.Post, Action(flow), new Dictionary<string, object>
            {
                ["csrf_token"] = FlowJson.NodeValue(flow.RootElement, "csrf_token")!,
                ["method"] = "webauthn",
                ["identifier"] = identifier,
            });
            answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            using var second = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            FlowJson.NodeValue(second.RootElement, "identifier").ShouldBe(identifier);
            var options = JsonDocument.Parse(FlowJson.NodeValue(second.RootElement, "webauthn_login_trigger")!).RootElement.GetProperty("publicKey");
            options.GetProperty("allowCredentials").GetArrayLength().ShouldBe(0);
            options.GetProperty("userVerification").GetString().ShouldBe("required");
            steps.Add(string.Join('\n', Nodes(second.RootElement)));
        }

        // Don't reveal: the step is the same, node for node, for an account and for no account.
        steps[0].ShouldBe(steps[1]);
        steps[0].Split('\n').ShouldBe([
            "input default csrf_token hidden",
            "input default identifier hidden",
            "script webauthn webauthn_script ",
            "input webauthn webauthn_login_trigger button 1010011",
            "input webauthn webauthn_login hidden",
        ]);
    }

    [Fact]
    public async Task PasswordlessRegistration_CredentialStep_OffersTheSecurityKeyCeremony()
    {
        using var browser = new BrowserClient(server.BaseUrl);
        using var flow = await StartAsync(browser, "registration");
        using var answer = await browser.SendJsonAsync(HttpMethod.Post, Action(flow), new Dictionary<string, object>
        {
            ["csrf_token"] = FlowJson.NodeValue(flow.RootElement, "csrf_token")!,
            ["method"] = "profile",
            ["traits"] = new Dictionary<string, object> { ["email"] = $"key-{Guid.NewGuid():N}@example.com" },
        });
        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var step = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());

        Nodes(step.RootElement).Where(n => n.Contains(" webauthn ", StringComparison.Ordinal)).ShouldBe([
            "script webauthn webauthn_script ",
            "input webauthn webauthn_register_trigger button 1040004",
            "input webauthn webauthn_register hidden",
            "input webauthn webauthn_register_displayname hidden",
        ]);
        var options = JsonDocument.Parse(FlowJson.NodeValue(step.RootElement, "webauthn_register_trigger")!).RootElement.GetProperty("publicKey");
        options.GetProperty("authenticatorSelection").GetProperty("residentKey").GetString().ShouldBe("required");
        options.GetProperty("authenticatorSelection").GetProperty("userVerification").GetString().ShouldBe("required");
    }

    [Fact]
    public async Task PasswordlessRegistration_WithoutACredential_IsRefusedAndOffersANewChallenge()
    {
        using var browser = new BrowserClient(server.BaseUrl);
        using var flow = await StartAsync(browser, "registration");
        var csrf = FlowJson.NodeValue(flow.RootElement, "csrf_token")!;
        var traits = new Dictionary<string, object> { ["email"] = $"key-{Guid.NewGuid():N}@example.com" };
        using var profile = await browser.SendJsonAsync(HttpMethod.Post, Action(flow),
            new Dictionary<string, object> { ["csrf_token"] = csrf, ["method"] = "profile", ["traits"] = traits });
        using var step = JsonDocument.Parse(await profile.Content.ReadAsStringAsync());

        using var answer = await browser.SendJsonAsync(HttpMethod.Post, Action(flow), new Dictionary<string, object>
        {
            ["csrf_token"] = csrf,
            ["method"] = "webauthn",
            ["traits"] = traits,
            ["webauthn_register"] = "{\"id\":\"not a credential\"}",
        });

        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var refused = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        refused.RootElement.GetProperty("ui").GetProperty("messages")[0].GetProperty("context").GetProperty("error_id").GetString()
            .ShouldBe("webauthn_response_invalid");
        FlowJson.NodeValue(refused.RootElement, "webauthn_register_trigger")
            .ShouldNotBe(FlowJson.NodeValue(step.RootElement, "webauthn_register_trigger"));
    }

    /// <summary>Each node as "type group name input-type label-id": what a UI renders, without values (challenges differ).</summary>
    internal static IEnumerable<string> Nodes(JsonElement flow) =>
        flow.GetProperty("ui").GetProperty("nodes").EnumerateArray().Select(n =>
        {
            var attributes = n.GetProperty("attributes");
            var name = attributes.TryGetProperty("name", out var named) ? named.GetString() : attributes.GetProperty("id").GetString();
            var type = attributes.TryGetProperty("type", out var typed) && n.GetProperty("type").GetString() == "input" ? typed.GetString() : string.Empty;
            var label = n.GetProperty("meta").TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.Object ? $" {l.GetProperty("id").GetInt64()}" : string.Empty;
            return $"{n.GetProperty("type").GetString()} {n.GetProperty("group").GetString()} {name} {type}{label}";
        });

    internal static async Task<JsonDocument> StartAsync(BrowserClient browser, string kind)
    {
        using var response = await browser.SendJsonAsync(HttpMethod.Get, $"/self-service/{kind}/browser", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    internal static string Action(JsonDocument flow) => flow.RootElement.GetProperty("ui").GetProperty("action").GetString()!;
}
