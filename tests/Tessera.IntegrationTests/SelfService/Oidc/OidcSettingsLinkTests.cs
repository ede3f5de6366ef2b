// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Oidc;

/// <summary>
/// Issue 19: linking and unlinking a provider in settings (Kratos's <c>oidc</c> settings nodes, <c>link</c> and
/// <c>unlink</c>, 1050002 / 1050003), signing in with it afterwards (acceptance 1), and each refusal by error id.
/// </summary>
public abstract class OidcSettingsLinkTests(OidcServer fixture)
{
    private readonly OidcJourney _journey = new(fixture);

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task Browser_LinkInSettings_GoesThroughTheProvider_ThenTheProviderSignsIn()
    {
        var subject = $"sub-{Guid.NewGuid():N}";
        using var browser = new BrowserClient(Server.PublicUrl);
        var ownerId = await _journey.SignedInOwnerAsync(browser);
        var settingsId = await _journey.StartAsync(browser, "settings");
        using (var settings = await browser.GetFlowAsync("settings", settingsId))
        {
            var link = FlowJson.Node(settings.RootElement, "link");
            link.GetProperty("group").GetString().ShouldBe("oidc");
            link.GetProperty("attributes").GetProperty("type").GetString().ShouldBe("submit");
            link.GetProperty("attributes").GetProperty("value").GetString().ShouldBe(OidcServer.ProviderId);
            link.GetProperty("meta").GetProperty("label").GetProperty("id").GetInt64().ShouldBe(1050002);
        }

        await _journey.ProviderUserAsync(subject, $"other-{Guid.NewGuid():N}@example.org", verified: true);
        using var back = await _journey.ThroughProviderAsync(browser, "settings", settingsId, fields: OidcJourney.Submit("link", OidcServer.ProviderId));

        back.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await back.Content.ReadAsStringAsync());
        back.Headers.Location!.AbsolutePath.ShouldBe("/ui/settings");
        (await _journey.OidcIdentifiersAsync(ownerId)).ShouldBe([$"{OidcServer.ProviderId}:{subject}"]);
        using (var saved = await browser.GetFlowAsync("settings", settingsId))
        {
            saved.RootElement.GetProperty("state").GetString().ShouldBe("success");
            FlowJson.Node(saved.RootElement, "unlink").GetProperty("meta").GetProperty("label").GetProperty("id").GetInt64().ShouldBe(1050003);
        }

        using var again = new BrowserClient(Server.PublicUrl);
        using var signedIn = await _journey.ThroughProviderAsync(again, "login", await _journey.StartAsync(again, "login"));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await signedIn.Content.ReadAsStringAsync());
        (await OidcJourney.SessionIdentityAsync(again)).ShouldBe(ownerId);
    }

    [Fact]
    public async Task Json_LinkInSettings_Is422ToTheProvider_AndTheCallbackAnswersTheSavedFlow()
    {
        var subject = $"sub-{Guid.NewGuid():N}";
        using var browser = new BrowserClient(Server.PublicUrl);
        var ownerId = await _journey.SignedInOwnerAsync(browser);
        await _journey.ProviderUserAsync(subject, $"other-{Guid.NewGuid():N}@example.org", verified: true);
        using var settings = await browser.GetFlowAsync("settings", await _journey.StartAsync(browser, "settings"));

        using var submitted = await browser.SendJsonAsync(HttpMethod.Post, OidcJourney.Action(settings),
            new Dictionary<string, string> { ["method"] = "oidc", ["link"] = OidcServer.ProviderId, ["csrf_token"] = OidcJourney.Csrf(settings) });

        ((int)submitted.StatusCode).ShouldBe(422, await submitted.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("error").GetProperty("id").GetString().ShouldBe("browser_location_change_required");
        var location = new Uri(body.RootElement.GetProperty("redirect_browser_to").GetString()!);
        for (var hop = 0; hop < 10 && !location.AbsolutePath.StartsWith("/self-service/methods/oidc/callback/", StringComparison.Ordinal); hop++)
        {
            using var step = await browser.GetAsync(location.AbsoluteUri);
            location = new Uri(location, step.Headers.Location!);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, location);
        using var back = await browser.SendAsync(request, "application/json");
        back.StatusCode.ShouldBe(HttpStatusCode.OK, await back.Content.ReadAsStringAsync());
        using var saved = JsonDocument.Parse(await back.Content.ReadAsStringAsync());
        saved.RootElement.GetProperty("state").GetString().ShouldBe("success");
        (await _journey.OidcIdentifiersAsync(ownerId)).ShouldBe([$"{OidcServer.ProviderId}:{subject}"]);
    }

    [Fact]
    public async Task Unlink_WhenAPasswordRemains_RemovesTheProvider()
    {
        var subject = $"sub-{Guid.NewGuid():N}";
        using var browser = new BrowserClient(Server.PublicUrl);
        var ownerId = await _journey.SignedInOwnerAsync(browser);
        await _journey.ProviderUserAsync(subject, $"other-{Guid.NewGuid():N}@example.org", verified: true);
        var settingsId = await _journey.StartAsync(browser, "settings");
        using (var linked = await _journey.ThroughProviderAsync(browser, "settings", settingsId, fields: OidcJourney.Submit("link", OidcServer.ProviderId)))
        {
            linked.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        }

        using var settings = await browser.GetFlowAsync("settings", settingsId);
        using var unlinked = await browser.SendJsonAsync(HttpMethod.Post, OidcJourney.Action(settings),
            new Dictionary<string, string> { ["method"] = "oidc", ["unlink"] = OidcServer.ProviderId, ["csrf_token"] = OidcJourney.Csrf(settings) });

        unlinked.StatusCode.ShouldBe(HttpStatusCode.OK, await unlinked.Content.ReadAsStringAsync());
        using var flow = JsonDocument.Parse(await unlinked.Content.ReadAsStringAsync());
        FlowJson.Node(flow.RootElement, "link").GetProperty("attributes").GetProperty("value").GetString().ShouldBe(OidcServer.ProviderId);
        (await _journey.OidcIdentifiersAsync(ownerId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Unlink_TheLastWayToSignIn_IsOAuthCannotUnlinkLastConnection()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        var identityId = await _journey.SignUpThroughProviderAsync(browser, $"sub-{Guid.NewGuid():N}");

        var (status, errorId) = await SubmitAsync(browser, "unlink", OidcServer.ProviderId);

        (status, errorId).ShouldBe((400, "oauth_cannot_unlink_last_connection"));
        (await _journey.OidcIdentifiersAsync(identityId)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Unlink_AProviderThatIsNotLinked_IsOAuthConnectionNotFound()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        await _journey.SignedInOwnerAsync(browser);

        var (status, errorId) = await SubmitAsync(browser, "unlink", OidcServer.ProviderId);

        (status, errorId).ShouldBe((400, "oauth_connection_not_found"));
    }

    [Fact]
    public async Task Link_AProviderAccountOfAnotherIdentity_IsOAuthAccountAlreadyLinked_InJsonAndOnTheErrorPage()
    {
        var subject = $"sub-{Guid.NewGuid():N}";
        using (var holder = new BrowserClient(Server.PublicUrl))
        {
            await _journey.SignUpThroughProviderAsync(holder, subject);
        }

        var email = $"settings-{Guid.NewGuid():N}@example.org";
        var ownerId = await _journey.CreatePasswordIdentityAsync(email, OidcJourney.OwnerPassword);
        foreach (var accept in new[] { "application/json", "text/html" })
        {
            using var browser = new BrowserClient(Server.PublicUrl);
            await _journey.SignInWithPasswordAsync(browser, email, OidcJourney.OwnerPassword);
            await _journey.ProviderUserAsync(subject, $"other-{Guid.NewGuid():N}@example.org", verified: true);

            using var back = await _journey.ThroughProviderAsync(browser, "settings", await _journey.StartAsync(browser, "settings"), accept,
                OidcJourney.Submit("link", OidcServer.ProviderId));

            if (accept == "text/html")
            {
                (await OidcJourney.ErrorIdOfErrorPageAsync(browser, back, Server.PublicUrl)).ShouldBe("oauth_account_already_linked");
            }
            else
            {
                ((int)back.StatusCode).ShouldBe(409, await back.Content.ReadAsStringAsync());
                back.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("oauth_account_already_linked");
            }
        }

        (await _journey.OidcIdentifiersAsync(ownerId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Link_WithoutAPrivilegedSession_IsSessionRefreshRequired()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        var ownerId = await _journey.SignedInOwnerAsync(browser);
        var settingsId = await _journey.StartAsync(browser, "settings");
        Server.Clock.Advance(TimeSpan.FromMinutes(20));
        try
        {
            using var settings = await browser.GetFlowAsync("settings", settingsId);
            using var response = await browser.SendJsonAsync(HttpMethod.Post, OidcJourney.Action(settings),
                new Dictionary<string, string> { ["method"] = "oidc", ["link"] = OidcServer.ProviderId, ["csrf_token"] = OidcJourney.Csrf(settings) });

            ((int)response.StatusCode).ShouldBe(403, await response.Content.ReadAsStringAsync());
            response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("session_refresh_required");
        }
        finally
        {
            Server.Clock.Advance(TimeSpan.FromMinutes(-20));
        }

        (await _journey.OidcIdentifiersAsync(ownerId)).ShouldBeEmpty();
    }

    /// <summary>A JSON settings submission on a new flow: its status and error id.</summary>
    private async Task<(int Status, string? ErrorId)> SubmitAsync(BrowserClient browser, string field, string value)
    {
        using var settings = await browser.GetFlowAsync("settings", await _journey.StartAsync(browser, "settings"));
        using var response = await browser.SendJsonAsync(HttpMethod.Post, OidcJourney.Action(settings),
            new Dictionary<string, string> { ["method"] = "oidc", [field] = value, ["csrf_token"] = OidcJourney.Csrf(settings) });
        return ((int)response.StatusCode, response.Headers.TryGetValues("Ory-Error-Id", out var ids) ? ids.Single() : null);
    }
}

public sealed class SqliteOidcSettingsLinkTests(SqliteOidcServer fixture) : OidcSettingsLinkTests(fixture), IClassFixture<SqliteOidcServer>;

public sealed class PostgresOidcSettingsLinkTests(PostgresOidcServer fixture) : OidcSettingsLinkTests(fixture), IClassFixture<PostgresOidcServer>;
