// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Oidc;

/// <summary>
/// Issue 19, acceptance 1 beside the browser tests: sign up, sign in, link in settings, unlink and sign in again after
/// linking, as an SPA does it (JSON; every step that must reach the provider answers 422
/// <c>browser_location_change_required</c> with <c>redirect_browser_to</c>, seed row B4, and the browser navigates) and
/// as a native app does it (API flows with its session token; sign-in through the session-token exchange). As in Kratos,
/// a native settings link also answers 422, and the provider's redirect back links only for a request that carries the
/// settings flow's session: the app's own (an in-app web view hands the callback to the app), never a bare browser.
/// </summary>
public abstract class OidcSpaAndNativeLinkTests(OidcServer fixture)
{
    private readonly OidcJourney _journey = new(fixture);
    private readonly OidcNativeApp _app = new(fixture);

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task Spa_SignsUpThroughTheProvider_ThenSignsInAgainAsTheSameIdentity()
    {
        var email = $"spa-{Guid.NewGuid():N}@example.org";
        await _journey.ProviderUserAsync($"spa-{Guid.NewGuid():N}", email, verified: true);

        using var browser = new BrowserClient(Server.PublicUrl);
        var identityId = await SpaThroughProviderAsync(browser, "registration", new() { ["provider"] = OidcServer.ProviderId });
        using var again = new BrowserClient(Server.PublicUrl);
        var signedInId = await SpaThroughProviderAsync(again, "login", new() { ["provider"] = OidcServer.ProviderId });

        (await OidcJourney.WhoamiAsync(browser)).GetProperty("identity").GetProperty("traits").GetProperty("email").GetString().ShouldBe(email);
        signedInId.ShouldBe(identityId);
        (await OidcJourney.WhoamiAsync(again)).GetProperty("authentication_methods")[0].GetProperty("method").GetString().ShouldBe("oidc");
    }

    [Fact]
    public async Task Spa_LinksInSettings_SignsInWithTheProvider_ThenUnlinks()
    {
        var subject = $"spa-{Guid.NewGuid():N}";
        using var browser = new BrowserClient(Server.PublicUrl);
        var ownerId = await _journey.SignedInOwnerAsync(browser);
        await _journey.ProviderUserAsync(subject, $"other-{Guid.NewGuid():N}@example.org", verified: true);

        (await SpaThroughProviderAsync(browser, "settings", new() { ["link"] = OidcServer.ProviderId })).ShouldBe(ownerId);
        (await _journey.OidcIdentifiersAsync(ownerId)).ShouldBe([$"{OidcServer.ProviderId}:{subject}"]);

        using (var again = new BrowserClient(Server.PublicUrl))
        {
            (await SpaThroughProviderAsync(again, "login", new() { ["provider"] = OidcServer.ProviderId })).ShouldBe(ownerId);
        }

        using var settings = await SpaFlowAsync(browser, "settings");
        using var unlinked = await browser.SendJsonAsync(HttpMethod.Post, OidcJourney.Action(settings),
            new Dictionary<string, string> { ["method"] = "oidc", ["unlink"] = OidcServer.ProviderId, ["csrf_token"] = OidcJourney.Csrf(settings) });
        unlinked.StatusCode.ShouldBe(HttpStatusCode.OK, await unlinked.Content.ReadAsStringAsync());
        (await _journey.OidcIdentifiersAsync(ownerId)).ShouldBeEmpty();

        // Unlinked, the provider account no longer reaches the owner: it signs up an identity of its own.
        using var afterUnlink = new BrowserClient(Server.PublicUrl);
        (await SpaThroughProviderAsync(afterUnlink, "login", new() { ["provider"] = OidcServer.ProviderId })).ShouldNotBe(ownerId);
    }

    [Fact]
    public async Task Native_LinksInSettingsWithItsSessionToken_SignsInByTokenExchange_ThenUnlinks()
    {
        var (email, subject) = ($"native-{Guid.NewGuid():N}@example.org", $"native-{Guid.NewGuid():N}");
        var ownerId = await _journey.CreatePasswordIdentityAsync(email, OidcJourney.OwnerPassword);
        var token = await _app.SignInWithPasswordAsync(email, OidcJourney.OwnerPassword);
        await _journey.ProviderUserAsync(subject, $"other-{Guid.NewGuid():N}@example.org", verified: true);

        var target = await NativeLinkAsync(token);
        using (var browser = new BrowserClient(Server.PublicUrl))
        {
            var callback = await _journey.NavigateToCallbackAsync(browser, target);
            using var back = await _app.SendAsync(HttpMethod.Get, callback.PathAndQuery, token);
            back.StatusCode.ShouldBe(HttpStatusCode.OK, await back.Content.ReadAsStringAsync());
            using var saved = JsonDocument.Parse(await back.Content.ReadAsStringAsync());
            saved.RootElement.GetProperty("state").GetString().ShouldBe("success");
        }

        (await _journey.OidcIdentifiersAsync(ownerId)).ShouldBe([$"{OidcServer.ProviderId}:{subject}"]);
        (await _app.IdentityIdAsync(await _app.SignInAsync("login"))).ShouldBe(ownerId);

        var flowId = await NativeSettingsFlowIdAsync(token);
        using var unlinked = await _app.SendAsync(HttpMethod.Post, $"/self-service/settings?flow={flowId}", token,
            new { method = "oidc", unlink = OidcServer.ProviderId });
        unlinked.StatusCode.ShouldBe(HttpStatusCode.OK, await unlinked.Content.ReadAsStringAsync());
        (await _journey.OidcIdentifiersAsync(ownerId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Native_LinkCallbackInABrowserWithoutTheAppsSession_LinksNothing()
    {
        var email = $"native-{Guid.NewGuid():N}@example.org";
        var ownerId = await _journey.CreatePasswordIdentityAsync(email, OidcJourney.OwnerPassword);
        var token = await _app.SignInWithPasswordAsync(email, OidcJourney.OwnerPassword);
        await _journey.ProviderUserAsync($"native-{Guid.NewGuid():N}", $"other-{Guid.NewGuid():N}@example.org", verified: true);

        var target = await NativeLinkAsync(token);
        using var browser = new BrowserClient(Server.PublicUrl);
        var callback = await _journey.NavigateToCallbackAsync(browser, target);
        using var back = await OidcJourney.SendAsync(browser, callback, "application/json");

        ((int)back.StatusCode).ShouldBe(401, await back.Content.ReadAsStringAsync());
        back.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("session_inactive");
        (await _journey.OidcIdentifiersAsync(ownerId)).ShouldBeEmpty();
    }

    /// <summary>
    /// An SPA's round: the flow fetched as JSON, <paramref name="fields"/> submitted as JSON (422 with
    /// <c>redirect_browser_to</c>), the browser navigating there, through the provider and back; the signed-in identity.
    /// </summary>
    private async Task<string?> SpaThroughProviderAsync(BrowserClient browser, string kind, Dictionary<string, string> fields)
    {
        using var flow = await SpaFlowAsync(browser, kind);
        fields["method"] = "oidc";
        fields["csrf_token"] = OidcJourney.Csrf(flow);
        using var submitted = await browser.SendJsonAsync(HttpMethod.Post, OidcJourney.Action(flow), fields);
        var callback = await _journey.NavigateToCallbackAsync(browser, await RedirectBrowserToAsync(submitted));

        using var back = await browser.GetAsync(callback.AbsoluteUri);
        back.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await back.Content.ReadAsStringAsync());
        return await OidcJourney.SessionIdentityAsync(browser);
    }

    private static async Task<JsonDocument> SpaFlowAsync(BrowserClient browser, string kind)
    {
        using var created = await browser.SendJsonAsync(HttpMethod.Get, $"/self-service/{kind}/browser", null);
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync());
    }

    /// <summary>A native settings flow's <c>link</c>: 422 <c>browser_location_change_required</c>, the provider URL.</summary>
    private async Task<Uri> NativeLinkAsync(string token)
    {
        var flowId = await NativeSettingsFlowIdAsync(token);
        using var submitted = await _app.SendAsync(HttpMethod.Post, $"/self-service/settings?flow={flowId}", token,
            new { method = "oidc", link = OidcServer.ProviderId });
        return await RedirectBrowserToAsync(submitted);
    }

    private async Task<string> NativeSettingsFlowIdAsync(string token)
    {
        using var created = await _app.SendAsync(HttpMethod.Get, "/self-service/settings/api", token);
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        using var flow = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        return flow.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<Uri> RedirectBrowserToAsync(HttpResponseMessage submitted)
    {
        ((int)submitted.StatusCode).ShouldBe(422, await submitted.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("error").GetProperty("id").GetString().ShouldBe("browser_location_change_required");
        return new Uri(body.RootElement.GetProperty("redirect_browser_to").GetString()!);
    }
}

public sealed class SqliteOidcSpaAndNativeLinkTests(SqliteOidcServer fixture) : OidcSpaAndNativeLinkTests(fixture), IClassFixture<SqliteOidcServer>;

public sealed class PostgresOidcSpaAndNativeLinkTests(PostgresOidcServer fixture) : OidcSpaAndNativeLinkTests(fixture), IClassFixture<PostgresOidcServer>;
