// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Passkeys;

/// <summary>
/// A passkey replaces the password, so its sign-in requires user verification: an assertion that proves only the user's
/// presence (UV flag clear) is refused with <c>webauthn_user_verification_required</c> (message 4000043), while the same
/// credential's assertion with the flag set signs in. The ceremonies are a <see cref="SoftwareAuthenticator"/>'s, sent
/// as the JSON webauthn.js submits (Chromium's virtual authenticator always verifies the user).
/// </summary>
public sealed class PasskeyUserVerificationTests(PasskeyServer server) : IClassFixture<PasskeyServer>
{
    [Fact]
    public async Task PasskeyAssertionWithoutUserVerification_IsRefused_TheSameKeyVerifyingTheUserSignsIn()
    {
        var origin = server.BaseUrl.GetLeftPart(UriPartial.Authority);
        using var authenticator = new SoftwareAuthenticator(origin, "localhost");
        await SignUpAsync(authenticator);

        using (var browser = new BrowserClient(server.BaseUrl))
        {
            var (action, csrf, publicKey) = await StartLoginAsync(browser);
            publicKey.GetProperty("userVerification").GetString().ShouldBe("required");
            using var refused = await browser.SendJsonAsync(HttpMethod.Post, action,
                new { method = "passkey", csrf_token = csrf, passkey_login = authenticator.Assert(publicKey, verifyUser: false) });

            var body = await refused.Content.ReadAsStringAsync();
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
            var message = JsonDocument.Parse(body).RootElement.GetProperty("ui").GetProperty("messages").EnumerateArray().Single();
            message.GetProperty("id").GetInt32().ShouldBe(4000043, body);
            message.GetProperty("context").GetProperty("error_id").GetString().ShouldBe("webauthn_user_verification_required", body);
            EmittedIds.ErrorIds.ShouldContain("webauthn_user_verification_required");
        }

        using (var browser = new BrowserClient(server.BaseUrl))
        {
            var (action, csrf, publicKey) = await StartLoginAsync(browser);
            using var signedIn = await browser.SendJsonAsync(HttpMethod.Post, action,
                new { method = "passkey", csrf_token = csrf, passkey_login = authenticator.Assert(publicKey, verifyUser: true) });

            var body = await signedIn.Content.ReadAsStringAsync();
            signedIn.StatusCode.ShouldBe(HttpStatusCode.OK, body);
            JsonDocument.Parse(body).RootElement.GetProperty("session").GetProperty("active").GetBoolean().ShouldBeTrue(body);
        }
    }

    private async Task SignUpAsync(SoftwareAuthenticator authenticator)
    {
        using var browser = new BrowserClient(server.BaseUrl);
        using var flow = await SecurityKeyFirstFactorTests.StartAsync(browser, "registration");
        var action = SecurityKeyFirstFactorTests.Action(flow);
        var csrf = FlowJson.NodeValue(flow.RootElement, "csrf_token")!;
        var traits = new Dictionary<string, object> { ["email"] = $"passkey-{Guid.NewGuid():N}@example.com" };

        using (await browser.SendJsonAsync(HttpMethod.Post, action, new { csrf_token = csrf, method = "profile", traits }))
        {
        }

        using var ceremony = await browser.SendJsonAsync(HttpMethod.Post, action, new { csrf_token = csrf, method = "passkey", traits });
        var step = JsonDocument.Parse(await ceremony.Content.ReadAsStringAsync()).RootElement;
        var createData = JsonDocument.Parse(FlowJson.NodeValue(step, "passkey_create_data")!).RootElement;
        var publicKey = createData.GetProperty("credentialOptions").GetProperty("publicKey");

        using var created = await browser.SendJsonAsync(HttpMethod.Post, action,
            new { csrf_token = csrf, method = "passkey", traits, passkey_register = authenticator.Create(publicKey) });
        var body = await created.Content.ReadAsStringAsync();
        created.StatusCode.ShouldBe(HttpStatusCode.OK, body);
    }

    private async Task<(string Action, string Csrf, JsonElement PublicKey)> StartLoginAsync(BrowserClient browser)
    {
        using var flow = await SecurityKeyFirstFactorTests.StartAsync(browser, "login");
        var publicKey = JsonDocument.Parse(FlowJson.NodeValue(flow.RootElement, "passkey_challenge")!).RootElement.GetProperty("publicKey");
        return (SecurityKeyFirstFactorTests.Action(flow), FlowJson.NodeValue(flow.RootElement, "csrf_token")!, publicKey.Clone());
    }
}
