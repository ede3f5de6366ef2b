// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.OAuth2.Authorization.Flows;
using static Tessera.IntegrationTests.OAuth2.Authorization.FlowRequests;

namespace Tessera.IntegrationTests.OAuth2.Authorization;

/// <summary>
/// Hydra's consent request API and remembered consent (<c>/admin/oauth2/auth/requests/consent</c>,
/// <c>/admin/oauth2/auth/sessions/consent</c>) over real HTTP, on each database.
/// </summary>
public abstract class ConsentRequestApiTests(ServerFixture fixture)
{
    private static readonly string[] OpenId = ["openid"];
    private static readonly string[] OpenIdOffline = ["openid", "offline_access"];

    private TesseraTestServer Server => fixture.Server;

    private ConsentRequests Consents => Server.Services.GetRequiredService<ConsentRequests>();

    [Fact]
    public async Task GetOAuth2ConsentRequest_AfterTheLogin_AnswersHydrasConsentRequest()
    {
        var subject = Guid.NewGuid().ToString();
        var (flow, challenge) = await StartConsentAsync(Server, subject);

        using var response = await Server.Admin.GetAsync($"/admin/oauth2/auth/requests/consent?consent_challenge={challenge}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        body["challenge"]!.ToString().ShouldBe(challenge);
        body["subject"]!.ToString().ShouldBe(subject);
        body["skip"]!.GetValue<bool>().ShouldBeFalse();
        body["consent_request_id"]!.ToString().ShouldBe(flow.Id.ToString());
        body["client"]!["client_id"]!.ToString().ShouldBe(flow.ClientId);
        body["acr"]!.ToString().ShouldBe("aal1");
        body["amr"]![0]!.ToString().ShouldBe("pwd");
        body["requested_scope"]!.AsArray().Count.ShouldBe(2);
        body["login_session_id"]!.ToString().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task AcceptOAuth2ConsentRequest_AnswersAVerifier_OnceOnly()
    {
        var (_, challenge) = await StartConsentAsync(Server, "s1");

        using var first = await Server.Admin.PutAsJsonAsync($"/admin/oauth2/auth/requests/consent/accept?consent_challenge={challenge}", new { grant_scope = OpenId });
        using var second = await Server.Admin.PutAsJsonAsync($"/admin/oauth2/auth/requests/consent/accept?consent_challenge={challenge}", new { grant_scope = OpenId });
        using var gone = await Server.Admin.GetAsync($"/admin/oauth2/auth/requests/consent?consent_challenge={challenge}");

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var redirectTo = (await first.Content.ReadFromJsonAsync<JsonObject>())!["redirect_to"]!.ToString();
        QueryOf(redirectTo)["consent_verifier"]!.Length.ShouldBe(43);
        QueryOf(redirectTo).ContainsKey("login_verifier").ShouldBeFalse();
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ErrorIdAsync(second)).ShouldBe("oauth2_request_handled");
        gone.StatusCode.ShouldBe(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task ConsentVerifier_IsRedeemedOnce()
    {
        var (_, challenge) = await StartConsentAsync(Server, "s1");
        using var accept = await Server.Admin.PutAsJsonAsync($"/admin/oauth2/auth/requests/consent/accept?consent_challenge={challenge}", new { grant_scope = OpenId });
        var verifier = QueryOf((await accept.Content.ReadFromJsonAsync<JsonObject>())!["redirect_to"]!.ToString())["consent_verifier"];

        var redeemed = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Consents.RedeemAsync(verifier)));

        redeemed.Count(f => f is not null).ShouldBe(1);
        redeemed.Single(f => f is not null)!.GrantedScopes.ShouldBe(["openid"]);
    }

    [Fact]
    public async Task RejectOAuth2ConsentRequest_RedeemsToTheError()
    {
        var (_, challenge) = await StartConsentAsync(Server, "s1");

        using var reject = await Server.Admin.PutAsJsonAsync($"/admin/oauth2/auth/requests/consent/reject?consent_challenge={challenge}", new { error = "access_denied" });
        var verifier = QueryOf((await reject.Content.ReadFromJsonAsync<JsonObject>())!["redirect_to"]!.ToString())["consent_verifier"];
        var flow = await Consents.RedeemAsync(verifier);

        reject.StatusCode.ShouldBe(HttpStatusCode.OK);
        flow!.State.ShouldBe("consent_error");
        JsonNode.Parse(flow.ConsentError!)!["error"]!.ToString().ShouldBe("access_denied");
    }

    [Fact]
    public async Task RememberedConsent_IsListedSkipsTheNextConsentAndIsRevocable()
    {
        var subject = Guid.NewGuid().ToString();
        var clientId = $"client-{Guid.NewGuid():N}";
        var (_, challenge) = await StartConsentAsync(Server, subject, clientId);
        using var accept = await Server.Admin.PutAsJsonAsync($"/admin/oauth2/auth/requests/consent/accept?consent_challenge={challenge}", new
        {
            grant_scope = OpenIdOffline,
            grant_access_token_audience = Array.Empty<string>(),
            remember = true,
            remember_for = 3600,
            session = new { id_token = new { team = "blue" } },
        });
        await Consents.RedeemAsync(QueryOf((await accept.Content.ReadFromJsonAsync<JsonObject>())!["redirect_to"]!.ToString())["consent_verifier"]);

        var sessions = (await Server.Admin.GetFromJsonAsync<JsonArray>($"/admin/oauth2/auth/sessions/consent?subject={subject}"))!;
        var (_, next) = await StartConsentAsync(Server, subject, clientId, "openid");
        var nextRequest = (await Server.Admin.GetFromJsonAsync<JsonObject>($"/admin/oauth2/auth/requests/consent?consent_challenge={next}"))!;
        var (_, wider) = await StartConsentAsync(Server, subject, clientId, "openid email");
        var widerRequest = (await Server.Admin.GetFromJsonAsync<JsonObject>($"/admin/oauth2/auth/requests/consent?consent_challenge={wider}"))!;
        using var revoke = await Server.Admin.DeleteAsync($"/admin/oauth2/auth/sessions/consent?subject={subject}&client={clientId}");
        var afterRevoke = (await Server.Admin.GetFromJsonAsync<JsonArray>($"/admin/oauth2/auth/sessions/consent?subject={subject}"))!;

        sessions.Count.ShouldBe(1);
        sessions[0]!["grant_scope"]!.AsArray().Select(s => s!.ToString()).ShouldBe(["openid", "offline_access"]);
        sessions[0]!["remember"]!.GetValue<bool>().ShouldBeTrue();
        sessions[0]!["remember_for"]!.GetValue<long>().ShouldBe(3600);
        sessions[0]!["session"]!["id_token"]!["team"]!.ToString().ShouldBe("blue");
        sessions[0]!["consent_request"]!["client"]!["client_id"]!.ToString().ShouldBe(clientId);
        nextRequest["skip"]!.GetValue<bool>().ShouldBeTrue();
        widerRequest["skip"]!.GetValue<bool>().ShouldBeFalse();
        revoke.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        afterRevoke.Count.ShouldBe(0);
    }

    [Fact]
    public async Task RememberedConsent_PastRememberFor_NoLongerSkips()
    {
        await using var server = await TesseraTestServer.StartAsync(fixture.Kind);
        var (_, challenge) = await StartConsentAsync(server, "s1", "c1");
        using var accept = await server.Admin.PutAsJsonAsync($"/admin/oauth2/auth/requests/consent/accept?consent_challenge={challenge}",
            new { grant_scope = OpenIdOffline, remember = true, remember_for = 60 });
        await server.Services.GetRequiredService<ConsentRequests>().RedeemAsync(
            QueryOf((await accept.Content.ReadFromJsonAsync<JsonObject>())!["redirect_to"]!.ToString())["consent_verifier"]);
        server.Clock.Advance(TimeSpan.FromSeconds(61));

        var (flow, _) = await StartConsentAsync(server, "s1", "c1");

        flow.ConsentSkip.ShouldBeFalse();
        (await server.Admin.GetFromJsonAsync<JsonArray>("/admin/oauth2/auth/sessions/consent?subject=s1"))!.Count.ShouldBe(0);
    }

    [Fact]
    public async Task ConsentSessions_WithoutSubject_AnswerBadRequest()
    {
        using var list = await Server.Admin.GetAsync("/admin/oauth2/auth/sessions/consent");
        using var revoke = await Server.Admin.DeleteAsync("/admin/oauth2/auth/sessions/consent?client=x");
        using var logins = await Server.Admin.DeleteAsync("/admin/oauth2/auth/sessions/login");

        list.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorIdAsync(list)).ShouldBe("oauth2_consent_subject_missing");
        revoke.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        logins.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}

public sealed class SqliteConsentRequestApiTests(SqliteServer fixture) : ConsentRequestApiTests(fixture), IClassFixture<SqliteServer>;

public sealed class PostgresConsentRequestApiTests(PostgresServer fixture) : ConsentRequestApiTests(fixture), IClassFixture<PostgresServer>;
