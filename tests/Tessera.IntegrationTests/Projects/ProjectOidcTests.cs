// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.SelfService.Oidc;
using Tessera.Persistence;
using static Tessera.IntegrationTests.Projects.ProjectHosts;

namespace Tessera.IntegrationTests.Projects;

/// <summary>
/// Issue 21: social sign-in providers set in a project's overlay (offered, used and validated on that project only),
/// and the overlay's secrets sealed at rest, redacted on read and kept by a GET-modify-PATCH round trip.
/// </summary>
public abstract class ProjectOidcTests(ProjectOidcServer fixture)
{
    private const string Redacted = "(redacted)";

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task OverlayAddsAcme_ItsProjectOffersItAndSignsUpAndInThroughIt_AnotherProjectNeitherOffersNorAcceptsIt()
    {
        var (projectA, hostA) = await CreateProjectAsync(Server);
        var (_, hostB) = await CreateProjectAsync(Server);
        await PatchOkAsync(projectA, fixture.Overlay());
        var email = await ProviderUserAsync(hostA);

        using var onA = Browser(Server, hostA);
        using (var login = await FlowAsync(onA, "login"))
        {
            ProviderButtons(login).ShouldBe([ProjectOidcServer.ProviderId]);
        }

        using (var signedUp = await ThroughProviderAsync(onA, "registration"))
        {
            signedUp.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await signedUp.Content.ReadAsStringAsync());
        }

        var first = await OidcJourney.WhoamiAsync(onA);
        first.GetProperty("identity").GetProperty("traits").GetProperty("email").GetString().ShouldBe(email);
        using var again = Browser(Server, hostA);
        using (var signedIn = await ThroughProviderAsync(again, "login"))
        {
            signedIn.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await signedIn.Content.ReadAsStringAsync());
        }

        (await OidcJourney.SessionIdentityAsync(again)).ShouldBe(first.GetProperty("identity").GetProperty("id").GetString());

        using var onB = Browser(Server, hostB);
        using var loginB = await FlowAsync(onB, "login");
        ProviderButtons(loginB).ShouldBeEmpty();
        using var submitted = await onB.SendJsonAsync(HttpMethod.Post, OidcJourney.Action(loginB),
            new Dictionary<string, string> { ["method"] = "oidc", ["provider"] = ProjectOidcServer.ProviderId, ["csrf_token"] = OidcJourney.Csrf(loginB) });
        ((int)submitted.StatusCode).ShouldBe(404, await submitted.Content.ReadAsStringAsync());
        submitted.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("provider_not_found");

        // The built-in pages' form-action lets the button's redirect reach the provider on A only.
        var issuer = fixture.Provider.Issuer.GetLeftPart(UriPartial.Authority);
        (await FormActionAsync(onA)).ShouldContain(issuer);
        (await FormActionAsync(onB)).ShouldNotContain(issuer);
    }

    private static async Task<string[]> FormActionAsync(BrowserClient browser)
    {
        using var page = await browser.GetAsync("/ui/welcome");
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        return csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("form-action ", StringComparison.Ordinal)).Split(' ');
    }

    [Fact]
    public async Task ClientSecret_SealedInTheRow_RedactedOnRead_KeptByARoundTrip_UsedAtTheTokenEndpoint_RotatedByAPatch()
    {
        var (projectId, host) = await CreateProjectAsync(Server);

        var patched = await PatchOkAsync(projectId, fixture.Overlay());

        (await StoredOverlayAsync(projectId)).ShouldNotContain(ProjectOidcServer.ClientSecret);
        SecretOf(patched).ShouldBe(Redacted);
        var read = await ProjectConfigTests.GetConfigAsync(Server, projectId);
        SecretOf(read).ShouldBe(Redacted);

        // GET, change the label, PATCH it all back: the redaction marker keeps the stored secret.
        var overlay = JsonNode.Parse(read.GetProperty("overlay").GetRawText())!.AsObject();
        overlay["selfservice"]!["methods"]!["oidc"]!["config"]!["providers"]![0]!["label"] = "Acme Corp";
        var roundTrip = await PatchOkAsync(projectId, overlay);
        roundTrip.GetProperty("version").GetInt64().ShouldBe(2);
        SecretOf(roundTrip).ShouldBe(Redacted);
        await ProviderUserAsync(host);
        using (var browser = Browser(Server, host))
        using (var signedUp = await ThroughProviderAsync(browser, "registration"))
        {
            // The provider checks the secret (client_secret_basic): it was opened and sent.
            signedUp.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await signedUp.Content.ReadAsStringAsync());
            (await OidcJourney.SessionIdentityAsync(browser)).ShouldNotBeNull();
        }

        await PatchOkAsync(projectId, fixture.Overlay(new JsonObject { ["client_secret"] = "a rotated secret" }));
        (await StoredOverlayAsync(projectId)).ShouldNotContain("a rotated secret");
        await ProviderUserAsync(host);
        using var rotated = Browser(Server, host);
        var (callback, last) = await ToCallbackAsync(rotated, "login");
        last.Dispose();
        using var refused = await OidcJourney.SendAsync(rotated, callback, "application/json");
        refused.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("provider_credentials_rejected");
    }

    [Fact]
    public async Task WebHookAuthSecrets_AreSealedAndRedactedToo()
    {
        var (projectId, _) = await CreateProjectAsync(Server);
        var patch = JsonNode.Parse("""
            {"selfservice": {"flows": {"registration": {"after": {"password": {"hooks": [
              {"hook": "web_hook", "config": {"url": "http://127.0.0.1:9/basic", "method": "POST",
                "auth": {"type": "basic_auth", "config": {"user": "hooks", "password": "basic-password-21"}}}},
              {"hook": "web_hook", "config": {"url": "http://127.0.0.1:9/key", "method": "POST",
                "auth": {"type": "api_key", "config": {"name": "X-Key", "value": "api-key-value-21", "in": "header"}}}}]}}}}}}
            """)!.AsObject();

        var patched = await PatchOkAsync(projectId, patch);

        var stored = await StoredOverlayAsync(projectId);
        stored.ShouldNotContain("basic-password-21");
        stored.ShouldNotContain("api-key-value-21");
        stored.ShouldContain("X-Key");
        var hooks = patched.GetProperty("overlay").GetProperty("selfservice").GetProperty("flows").GetProperty("registration")
            .GetProperty("after").GetProperty("password").GetProperty("hooks");
        hooks[0].GetProperty("config").GetProperty("auth").GetProperty("config").GetProperty("password").GetString().ShouldBe(Redacted);
        hooks[1].GetProperty("config").GetProperty("auth").GetProperty("config").GetProperty("value").GetString().ShouldBe(Redacted);
    }

    [Fact]
    public async Task Patch_RedactionMarkerWhereNoSecretIsStored_Answers400NamingTheKey()
    {
        var (projectId, _) = await CreateProjectAsync(Server);

        using var response = await ProjectConfigTests.PatchAsync(Server, projectId,
            fixture.Overlay(new JsonObject { ["client_secret"] = Redacted }).ToJsonString());

        var error = (await JsonAsync(response, HttpStatusCode.BadRequest)).GetProperty("error");
        error.GetProperty("id").GetString().ShouldBe("project_config_invalid");
        error.GetProperty("reason").GetString()!.ShouldContain("selfservice.methods.oidc.config.providers.0.client_secret");
    }

    [Theory]
    [InlineData("client_id", null, "client_id")]
    [InlineData("provider", "\"nonesuch\"", "provider")]
    [InlineData("mapper_url", "\"base64://bG9jYWwgY2xhaW1zID0gc3RkLmV4dFZhcignY2xhaW1zJyk7IHt9\"", "mapper_url")]
    [InlineData("mapper_url", "\"file:///etc/hostname\"", "mapper_url")]
    [InlineData("mapper_url", "\"/etc/hostname\"", "mapper_url")]
    public async Task Patch_BadProvider_Answers400NamingItsKeyPath_AndStoresNothing(string member, string? json, string key)
    {
        var (projectId, _) = await CreateProjectAsync(Server);

        using var response = await ProjectConfigTests.PatchAsync(Server, projectId,
            fixture.Overlay(new JsonObject { [member] = json is null ? null : JsonNode.Parse(json) }).ToJsonString());

        var error = (await JsonAsync(response, HttpStatusCode.BadRequest)).GetProperty("error");
        error.GetProperty("id").GetString().ShouldBe("project_config_invalid");
        error.GetProperty("reason").GetString()!.ShouldContain($"selfservice.methods.oidc.config.providers.0.{key}");
        (await ProjectConfigTests.GetConfigAsync(Server, projectId)).GetProperty("version").GetInt64().ShouldBe(0);
    }

    private async Task<JsonElement> PatchOkAsync(Guid projectId, JsonObject patch)
    {
        using var response = await ProjectConfigTests.PatchAsync(Server, projectId, patch.ToJsonString());
        return await JsonAsync(response, HttpStatusCode.OK);
    }

    private async Task<string> StoredOverlayAsync(Guid projectId)
    {
        await using var connection = await Server.Services.GetRequiredService<Database>().OpenAsync();
        return await connection.QuerySingleAsync<string>("SELECT overlay FROM project_config_overlays WHERE nid = @Nid", new { Nid = projectId });
    }

    private static string? SecretOf(JsonElement config) =>
        config.GetProperty("overlay").GetProperty("selfservice").GetProperty("methods").GetProperty("oidc").GetProperty("config")
            .GetProperty("providers")[0].GetProperty("client_secret").GetString();

    private async Task<string> ProviderUserAsync(string host)
    {
        var email = $"social-{Guid.NewGuid():N}@example.org";
        await fixture.Provider.ResetAsync(ProjectOidcServer.CallbackUrl(host));
        await fixture.Provider.ControlAsync(new { user = new { sub = $"sub-{Guid.NewGuid():N}", email, email_verified = true } });
        return email;
    }

    private static async Task<JsonDocument> FlowAsync(BrowserClient browser, string kind)
    {
        using var started = await browser.GetAsync($"/self-service/{kind}/browser");
        started.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await started.Content.ReadAsStringAsync());
        return await browser.GetFlowAsync(kind, FlowJson.FlowIdFromLocation(started));
    }

    private static List<string?> ProviderButtons(JsonDocument flow) =>
        flow.RootElement.GetProperty("ui").GetProperty("nodes").EnumerateArray()
            .Where(n => n.GetProperty("group").GetString() == "oidc")
            .Select(n => n.GetProperty("attributes").GetProperty("value").GetString())
            .ToList();

    /// <summary>A new flow of <paramref name="kind"/> through the <c>acme</c> button, redirects followed up to the callback, which is not requested.</summary>
    private async Task<(Uri Callback, HttpResponseMessage Last)> ToCallbackAsync(BrowserClient browser, string kind)
    {
        using var flow = await FlowAsync(browser, kind);
        var response = await browser.PostFormAsync(OidcJourney.Action(flow),
            [new("csrf_token", OidcJourney.Csrf(flow)), new("provider", ProjectOidcServer.ProviderId)]);
        return await OidcJourney.FollowToCallbackAsync(browser, response, fixture.Provider.Issuer);
    }

    private async Task<HttpResponseMessage> ThroughProviderAsync(BrowserClient browser, string kind)
    {
        var (callback, last) = await ToCallbackAsync(browser, kind);
        last.Dispose();
        return await browser.GetAsync(callback.AbsoluteUri);
    }
}

public sealed class SqliteProjectOidcTests(SqliteProjectOidcServer fixture) : ProjectOidcTests(fixture), IClassFixture<SqliteProjectOidcServer>;

public sealed class PostgresProjectOidcTests(PostgresProjectOidcServer fixture) : ProjectOidcTests(fixture), IClassFixture<PostgresProjectOidcServer>;
