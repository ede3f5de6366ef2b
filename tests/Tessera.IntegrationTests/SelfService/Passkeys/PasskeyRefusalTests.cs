// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Passkeys;

/// <summary>
/// Passkey sign-in refusals an API client can cause without an authenticator: an assertion that is not one
/// (<c>webauthn_response_invalid</c>, 4000043) and one for a credential no identity has (<c>webauthn_credential_unknown</c>,
/// 4000015). The flow message names the catalog entry in its context (<c>error_id</c>), and the error counts as that
/// entry on <c>/metrics</c>.
/// </summary>
public sealed class PasskeyRefusalTests : IAsyncLifetime
{
    private TesseraTestServer _server = null!;
    private Uri _publicUrl = null!;

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        _publicUrl = new Uri($"http://localhost:{port}/");
        _server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, PasskeyServer.Settings(port, $"[\"http://localhost:{port}\"]"));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AssertionThatIsNotOne_IsRefusedAsWebAuthnResponseInvalid() =>
        await ShouldRefuseAsync("not an assertion", 4000043, "webauthn_response_invalid");

    [Fact]
    public async Task AssertionForAnUnknownCredential_IsRefusedAsWebAuthnCredentialUnknown() =>
        await ShouldRefuseAsync(
            """{"id":"AAAAAA","rawId":"AAAAAA","type":"public-key","response":{"authenticatorData":"AAAA","clientDataJSON":"AAAA","signature":"AAAA","userHandle":"AAAAAAAA"}}""",
            4000015, "webauthn_credential_unknown");

    private async Task ShouldRefuseAsync(string assertion, int messageId, string errorId)
    {
        // Passkeys sign in through browser flows: a single-page app's calls (JSON, the CSRF cookie and token).
        using var browser = new BrowserClient(_publicUrl);
        using var created = await browser.SendJsonAsync(HttpMethod.Get, "/self-service/login/browser", null);
        var flow = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var flowId = flow.GetProperty("id").GetString();
        var csrf = FlowJson.NodeValue(flow, "csrf_token")!;

        // The form first (a fresh challenge kept on the flow), then the answer to it.
        using (await browser.SendJsonAsync(HttpMethod.Post, $"/self-service/login?flow={flowId}", new { method = "passkey", csrf_token = csrf }))
        {
        }

        using var refused = await browser.SendJsonAsync(HttpMethod.Post, $"/self-service/login?flow={flowId}", new { method = "passkey", passkey_login = assertion, csrf_token = csrf });

        var body = await refused.Content.ReadAsStringAsync();
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        var message = JsonDocument.Parse(body).RootElement.GetProperty("ui").GetProperty("messages").EnumerateArray().Single();
        message.GetProperty("id").GetInt32().ShouldBe(messageId, body);
        message.GetProperty("context").GetProperty("error_id").GetString().ShouldBe(errorId);
        EmittedIds.ErrorIds.ShouldContain(errorId);
    }
}
