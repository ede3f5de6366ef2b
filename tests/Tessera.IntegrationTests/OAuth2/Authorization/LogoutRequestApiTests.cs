// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.OAuth2.Authorization.LoginSessions;
using Tessera.OAuth2.Authorization.Logout;
using static Tessera.IntegrationTests.OAuth2.Authorization.FlowRequests;

namespace Tessera.IntegrationTests.OAuth2.Authorization;

/// <summary>Hydra's logout request API and login-session revocation over real HTTP, on each database.</summary>
public abstract class LogoutRequestApiTests(ServerFixture fixture)
{
    private TesseraTestServer Server => fixture.Server;

    private LogoutRequests Logouts => Server.Services.GetRequiredService<LogoutRequests>();

    private Task<(LogoutRequest Request, string Challenge)> StartLogoutAsync() =>
        Logouts.CreateAsync(new LogoutRequest
        {
            Subject = "subject-1",
            Sid = "sid-1",
            ClientId = "client-1",
            RequestUrl = new Uri(Server.PublicUrl, "/oauth2/sessions/logout?id_token_hint=x&state=abc").AbsoluteUri,
            RpInitiated = true,
        });

    [Fact]
    public async Task GetOAuth2LogoutRequest_AnswersHydrasLogoutRequest()
    {
        var (_, challenge) = await StartLogoutAsync();

        var body = (await Server.Admin.GetFromJsonAsync<JsonObject>($"/admin/oauth2/auth/requests/logout?logout_challenge={challenge}"))!;

        body["challenge"]!.ToString().ShouldBe(challenge);
        body["subject"]!.ToString().ShouldBe("subject-1");
        body["sid"]!.ToString().ShouldBe("sid-1");
        body["rp_initiated"]!.GetValue<bool>().ShouldBeTrue();
        body["client"]!["client_id"]!.ToString().ShouldBe("client-1");
        body["request_url"]!.ToString().ShouldEndWith("/oauth2/sessions/logout?id_token_hint=x&state=abc");
    }

    [Fact]
    public async Task AcceptOAuth2LogoutRequest_AnswersTheLogoutEndpointWithAVerifier_RedeemedOnce()
    {
        var (_, challenge) = await StartLogoutAsync();

        using var accept = await Server.Admin.PutAsync($"/admin/oauth2/auth/requests/logout/accept?logout_challenge={challenge}", null);
        using var again = await Server.Admin.PutAsync($"/admin/oauth2/auth/requests/logout/accept?logout_challenge={challenge}", null);
        var redirectTo = (await accept.Content.ReadFromJsonAsync<JsonObject>())!["redirect_to"]!.ToString();
        var verifier = QueryOf(redirectTo)["logout_verifier"];

        accept.StatusCode.ShouldBe(HttpStatusCode.OK);
        redirectTo.ShouldStartWith(new Uri(Server.PublicUrl, "/oauth2/sessions/logout?logout_verifier=").AbsoluteUri);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Logouts.RedeemAsync(verifier)).ShouldNotBeNull();
        (await Logouts.RedeemAsync(verifier)).ShouldBeNull();
    }

    [Fact]
    public async Task RejectOAuth2LogoutRequest_AnswersNoContent_ThenTheRequestIsHandled()
    {
        var (_, challenge) = await StartLogoutAsync();

        using var reject = await Server.Admin.PutAsync($"/admin/oauth2/auth/requests/logout/reject?logout_challenge={challenge}", null);
        using var accept = await Server.Admin.PutAsync($"/admin/oauth2/auth/requests/logout/accept?logout_challenge={challenge}", null);
        using var unknown = await Server.Admin.PutAsync("/admin/oauth2/auth/requests/logout/reject?logout_challenge=unknown", null);

        reject.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        accept.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RevokeOAuth2LoginSessions_BySubject_EndsThem()
    {
        var store = Server.Services.GetRequiredService<LoginSessionStore>();
        var subject = Guid.NewGuid().ToString();
        var now = Server.Clock.GetUtcNow();
        await store.UpsertAsync(new LoginSession { Id = Guid.NewGuid().ToString(), Subject = subject, AuthenticatedAt = now });
        await store.UpsertAsync(new LoginSession { Id = "other-" + Guid.NewGuid(), Subject = "someone-else", AuthenticatedAt = now });

        using var response = await Server.Admin.DeleteAsync($"/admin/oauth2/auth/sessions/login?subject={subject}");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await store.DeleteAsync(subject, null)).ShouldBe(0);
        (await store.DeleteAsync("someone-else", null)).ShouldBe(1);
    }
}

public sealed class SqliteLogoutRequestApiTests(SqliteServer fixture) : LogoutRequestApiTests(fixture), IClassFixture<SqliteServer>;

public sealed class PostgresLogoutRequestApiTests(PostgresServer fixture) : LogoutRequestApiTests(fixture), IClassFixture<PostgresServer>;
