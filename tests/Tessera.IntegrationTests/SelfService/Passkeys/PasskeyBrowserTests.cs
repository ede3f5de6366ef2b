// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
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

    private const string Password = "a long enough passphrase 42";

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
        await Expect(page.Locator("#session")).ToHaveCountAsync(0);
        await page.ClickAsync("#link-login");

        // The login page loads webauthn.js, whose conditional UI (started on load, as in Kratos) offers the passkey: the
        // virtual authenticator answers at once, and the assertion signs in. A new session, so its method is passkey.
        await Expect(page).ToHaveURLAsync(new Regex("/ui/welcome$"));
        await Expect(page.Locator("#session")).ToContainTextAsync(email);
        await Expect(page.Locator("#session")).ToContainTextAsync("passkey");
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
        await OpenScriptOriginAsync(page, server.BaseUrl);

        // Two assertions for two flows: the second carries the higher counter, as a clone's copy of the key would lag.
        var older = await AssertAsync(page);
        var newer = await AssertAsync(page);
        (await SubmitAsync(page, newer.Flow, newer.Csrf, newer.Assertion)).Status.ShouldBe(200);
        await SignOutKeepingCsrfAsync(context);

        var replayFlow = await AssertAsync(page);
        var replayed = await SubmitAsync(page, replayFlow.Flow, replayFlow.Csrf, newer.Assertion);
        replayed.Status.ShouldBe(400);
        ErrorIds(replayed.Body).ShouldBe(["webauthn_challenge_invalid"]);

        var cloned = await SubmitAsync(page, older.Flow, older.Csrf, older.Assertion);
        cloned.Status.ShouldBe(400);
        ErrorIds(cloned.Body).ShouldBe(["webauthn_sign_count_invalid"]);
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
        await OpenScriptOriginAsync(page, baseUrl);
        var flow = await page.EvaluateAsync<string>("async id => await (await fetch('/self-service/registration/flows?id=' + id)).text()", flowId);
        ErrorIds(flow).ShouldBe(["webauthn_origin_mismatch"]);
    }

    [Fact]
    public async Task Passkey_RemovingTheLastWayToSignIn_IsRefusedInSettings()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context, server.BaseUrl);
        await SignUpWithPasskeyAsync(page, server.BaseUrl, NewEmail());
        await Expect(page).ToHaveURLAsync(new Regex("/ui/welcome$"));

        await page.ClickAsync("#link-settings");
        await page.ClickAsync("button[name=passkey_remove]");

        await Expect(page.Locator("[data-message-id='4000001']")).ToBeVisibleAsync();
        var flowId = new Uri(page.Url).Query.Split("flow=")[1];
        await OpenScriptOriginAsync(page, server.BaseUrl);
        var flow = await page.EvaluateAsync<string>("async id => await (await fetch('/self-service/settings/flows?id=' + id)).text()", flowId);
        ErrorIds(flow).ShouldBe(["webauthn_last_credential"]);
        JsonNode.Parse(flow)!["identity"]!["id"].ShouldNotBeNull();
    }

    [Fact]
    public async Task SecurityKey_AddedInSettings_IsTheSecondFactorAtTheNextSignIn()
    {
        var email = NewEmail();
        await TestIdentities.CreateAsync(server.Server, email, Password);
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context, server.BaseUrl);
        await page.ClickAsync("#link-login");
        await SignInWithPasswordAsync(page, email);
        await Expect(page).ToHaveURLAsync(new Regex("/ui/welcome$"));

        await page.ClickAsync("#link-settings");
        await page.FillAsync("input[name=webauthn_register_displayname]", "desk key");
        await page.ClickAsync("button[name=webauthn_register_trigger]");
        await Expect(page.Locator("[data-message-id='1050001']")).ToBeVisibleAsync();
        await Expect(page.Locator("button[name=webauthn_remove]")).ToHaveCountAsync(1);
        await ChromiumBrowser.ScreenshotAsync(page, "settings-security-key");

        await page.ClickAsync("#link-logout");
        await page.ClickAsync("#link-login");
        await SignInWithPasswordAsync(page, email);
        await Expect(page.Locator("button[name=webauthn_login_trigger]")).ToBeVisibleAsync();
        await page.ClickAsync("button[name=webauthn_login_trigger]");

        await Expect(page).ToHaveURLAsync(new Regex("/ui/welcome$"));
        await Expect(page.Locator("#session")).ToContainTextAsync("aal2");
    }

    private static async Task SignInWithPasswordAsync(IPage page, string email)
    {
        await page.FillAsync("input[name=identifier]", email);
        await page.FillAsync("input[name=password]", Password);
        await page.ClickAsync("button[name=method][value=password]");
    }

    private static async Task SignUpWithPasskeyAsync(IPage page, Uri baseUrl, string email)
    {
        await page.GotoAsync(new Uri(baseUrl, "/ui/registration").AbsoluteUri);
        await page.FillAsync("input[name='traits.email']", email);
        await page.ClickAsync("button[name=method][value=profile]");
        // The ceremony starts when the page with the creation options loads (webauthn.js), and submits itself.
        await page.ClickAsync("button[name=method][value=passkey]");
    }

    /// <summary>The built-in pages allow no fetch (CSP connect-src none): scripts of the test run on the script's own URL, same origin.</summary>
    private static Task OpenScriptOriginAsync(IPage page, Uri baseUrl) => page.GotoAsync(new Uri(baseUrl, "/.well-known/ory/webauthn.js").AbsoluteUri);

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

    private static async Task<(string Flow, string Csrf, string Assertion)> AssertAsync(IPage page)
    {
        var result = await page.EvaluateAsync<JsonElement>(AssertForNewFlow);
        return (result.GetProperty("flow").GetString()!, result.GetProperty("csrf").GetString()!, result.GetProperty("assertion").GetString()!);
    }

    private static async Task<(int Status, string Body)> SubmitAsync(IPage page, string flow, string csrf, string assertion)
    {
        var result = await page.EvaluateAsync<JsonElement>(Submit, new[] { flow, csrf, assertion });
        return (result.GetProperty("status").GetInt32(), result.GetProperty("body").GetString()!);
    }

    private static List<string?> ErrorIds(string flowJson) =>
        (JsonNode.Parse(flowJson)!["ui"]!["messages"] as JsonArray ?? []).Select(m => m!["context"]?["error_id"]?.GetValue<string>()).ToList();

    private static string NewEmail() => $"passkey-{Guid.NewGuid():N}@example.com";
}
