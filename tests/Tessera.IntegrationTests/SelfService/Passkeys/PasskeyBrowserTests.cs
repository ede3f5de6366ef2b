// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shouldly;
using Tessera.IntegrationTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace Tessera.IntegrationTests.SelfService.Passkeys;

/// <summary>
/// Issue 23, acceptance 2: passkeys in Chromium with a virtual authenticator. Sign-up, sign-out and sign-in through the
/// built-in pages (which load /.well-known/ory/webauthn.js); then ceremonies run by a page script and submitted as
/// JSON, to show that a replayed assertion, an older assertion of a cloned authenticator and a ceremony on an origin
/// the relying party does not list are refused with their catalog entries (message 4000043, context error_id).
/// </summary>
public sealed class PasskeyBrowserTests(PasskeyServer server, ChromiumBrowser chromium) : IClassFixture<PasskeyServer>, IClassFixture<ChromiumBrowser>
{
    // Runs navigator.credentials.get for a new login flow, without submitting: the flow id, its CSRF token, the assertion.
    private const string AssertForNewFlow = """
        async () => {
          const b64 = s => Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4)), c => c.charCodeAt(0));
          const enc = buf => buf ? btoa(String.fromCharCode(...new Uint8Array(buf))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "") : undefined;
          const flow = await (await fetch("/self-service/login/browser", { headers: { Accept: "application/json" } })).json();
          const value = name => flow.ui.nodes.find(n => n.attributes.name === name).attributes.value;
          const publicKey = JSON.parse(value("passkey_challenge")).publicKey;
          publicKey.challenge = b64(publicKey.challenge);
          publicKey.allowCredentials = [];
          const c = await navigator.credentials.get({ publicKey });
          const assertion = JSON.stringify({ id: c.id, rawId: enc(c.rawId), type: c.type, response: {
            authenticatorData: enc(c.response.authenticatorData), clientDataJSON: enc(c.response.clientDataJSON),
            signature: enc(c.response.signature), userHandle: enc(c.response.userHandle) } });
          return { flow: flow.id, csrf: value("csrf_token"), assertion };
        }
        """;

    private const string Submit = """
        async ([flow, csrf, assertion]) => {
          const response = await fetch("/self-service/login?flow=" + flow, { method: "POST",
            headers: { "Content-Type": "application/json", Accept: "application/json" },
            body: JSON.stringify({ method: "passkey", csrf_token: csrf, passkey_login: assertion }) });
          return { status: response.status, body: await response.text() };
        }
        """;

    static PasskeyBrowserTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task Passkey_SignUpSignOutSignIn_ThroughTheBuiltInPages()
    {
        var email = NewEmail();
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context, server.BaseUrl);

        await SignUpWithPasskeyAsync(page, server.BaseUrl, email);
        await Expect(page).ToHaveURLAsync(new Regex("/ui/welcome$"));
        await Expect(page.Locator("#session")).ToContainTextAsync(email);

        await page.ClickAsync("#link-logout");
        await page.GotoAsync(new Uri(server.BaseUrl, "/ui/login").AbsoluteUri);
        await Expect(page.Locator("script#webauthn_script")).ToHaveCountAsync(1);
        await page.ClickAsync("button[name=passkey_login_trigger]");

        await Expect(page).ToHaveURLAsync(new Regex("/ui/welcome$"));
        await Expect(page.Locator("#session")).ToContainTextAsync(email);
        await ChromiumBrowser.ScreenshotAsync(page, "passkey-signed-in");
    }

    [Fact]
    public async Task Passkey_ReplayedAssertionAndAClonedAuthenticatorsOlderCounter_AreRefused()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context, server.BaseUrl);
        await SignUpWithPasskeyAsync(page, server.BaseUrl, NewEmail());
        await Expect(page).ToHaveURLAsync(new Regex("/ui/welcome$"));
        await SignOutKeepingCsrfAsync(context);

        // Two assertions for two flows: the second carries the higher counter, as a clone's copy of the key would lag.
        var older = await page.EvaluateAsync<JsonElementBox>(AssertForNewFlow);
        var newer = await page.EvaluateAsync<JsonElementBox>(AssertForNewFlow);
        (await SubmitAsync(page, newer.flow, newer.csrf, newer.assertion)).status.ShouldBe(200);
        await SignOutKeepingCsrfAsync(context);

        var replayFlow = await page.EvaluateAsync<JsonElementBox>(AssertForNewFlow);
        var replayed = await SubmitAsync(page, replayFlow.flow, replayFlow.csrf, newer.assertion);
        replayed.status.ShouldBe(400);
        ErrorIds(replayed.body).ShouldBe(["webauthn_challenge_invalid"]);

        var cloned = await SubmitAsync(page, older.flow, older.csrf, older.assertion);
        cloned.status.ShouldBe(400);
        ErrorIds(cloned.body).ShouldBe(["webauthn_sign_count_invalid"]);
    }

    [Fact]
    public async Task Passkey_CeremonyOnAnOriginTheRelyingPartyDoesNotList_IsRefused()
    {
        var port = FreePort.Next();
        await using var elsewhere = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, PasskeyServer.Settings(port, "[\"https://accounts.example.com\"]"));
        var baseUrl = new Uri($"http://localhost:{port}/");
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context, baseUrl);

        await SignUpWithPasskeyAsync(page, baseUrl, NewEmail());

        await Expect(page.Locator("[data-message-id='4000043']")).ToBeVisibleAsync();
        var flowId = new Uri(page.Url).Query.Split("flow=")[1];
        var flow = await page.EvaluateAsync<string>("async id => await (await fetch('/self-service/registration/flows?id=' + id)).text()", flowId);
        ErrorIds(flow).ShouldBe(["webauthn_origin_mismatch"]);
    }

    private static async Task SignUpWithPasskeyAsync(IPage page, Uri baseUrl, string email)
    {
        await page.GotoAsync(new Uri(baseUrl, "/ui/registration").AbsoluteUri);
        await page.FillAsync("input[name='traits.email']", email);
        await page.ClickAsync("button[name=method][value=profile]");
        // The ceremony starts when the page with the creation options loads (webauthn.js), and submits itself.
        await page.ClickAsync("button[name=method][value=passkey]");
    }

    private static async Task<IPage> NewPageAsync(IBrowserContext context, Uri baseUrl)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(new Uri(baseUrl, "/ui/welcome").AbsoluteUri);
        await VirtualAuthenticator.AttachAsync(page);
        return page;
    }

    private static Task SignOutKeepingCsrfAsync(IBrowserContext context) =>
        context.ClearCookiesAsync(new BrowserContextClearCookiesOptions { NameRegex = new Regex("session") });

    private static async Task<(int status, string body)> SubmitAsync(IPage page, string flow, string csrf, string assertion)
    {
        var result = await page.EvaluateAsync<SubmitBox>(Submit, new[] { flow, csrf, assertion });
        return (result.status, result.body);
    }

    private static List<string?> ErrorIds(string flowJson) =>
        (JsonNode.Parse(flowJson)!["ui"]!["messages"] as JsonArray ?? []).Select(m => m!["context"]?["error_id"]?.GetValue<string>()).ToList();

    private static string NewEmail() => $"passkey-{Guid.NewGuid():N}@example.com";

#pragma warning disable IDE1006, CA1812 // Shapes the page scripts return (lower-case, as JavaScript names them).
    private sealed record JsonElementBox(string flow, string csrf, string assertion);

    private sealed record SubmitBox(int status, string body);
#pragma warning restore IDE1006, CA1812
}
