// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;
using static Tessera.IntegrationTests.OAuth2.Authorization.FlowRequests;

namespace Tessera.IntegrationTests.OAuth2.Authorization;

/// <summary>Hydra's login request API (<c>/admin/oauth2/auth/requests/login</c>) over real HTTP, on each database.</summary>
public abstract class LoginRequestApiTests(ServerFixture fixture)
{
    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task GetOAuth2LoginRequest_WithItsChallenge_AnswersHydrasLoginRequest()
    {
        var (flow, challenge) = await StartLoginAsync(Server);

        using var response = await Server.Admin.GetAsync($"/admin/oauth2/auth/requests/login?login_challenge={challenge}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        body["challenge"]!.ToString().ShouldBe(challenge);
        body["client"]!["client_id"]!.ToString().ShouldBe(flow.ClientId);
        body["request_url"]!.ToString().ShouldBe(flow.RequestUrl);
        body["requested_scope"]!.AsArray().Select(s => s!.ToString()).ShouldBe(["openid", "offline_access"]);
        body["requested_access_token_audience"]!.AsArray().Count.ShouldBe(0);
        body["skip"]!.GetValue<bool>().ShouldBeFalse();
        body["subject"]!.ToString().ShouldBeEmpty();
        body["session_id"]!.ToString().ShouldNotBeEmpty();
        body["oidc_context"]!["login_hint"]!.ToString().ShouldBe("erin@example.com");
        body["oidc_context"]!["acr_values"]![0]!.ToString().ShouldBe("aal1");
    }

    [Fact]
    public async Task GetOAuth2LoginRequest_WithALiveSession_IsSkipWithTheSubject()
    {
        var subject = Guid.NewGuid().ToString();
        var (_, challenge) = await StartLoginAsync(Server, subject: subject);

        var body = (await Server.Admin.GetFromJsonAsync<JsonObject>($"/admin/oauth2/auth/requests/login?login_challenge={challenge}"))!;

        body["skip"]!.GetValue<bool>().ShouldBeTrue();
        body["subject"]!.ToString().ShouldBe(subject);
    }

    [Fact]
    public async Task GetOAuth2LoginRequest_UnknownOrMissingChallenge_AnswersNotFoundOrBadRequest()
    {
        using var unknown = await Server.Admin.GetAsync("/admin/oauth2/auth/requests/login?login_challenge=nope");
        using var missing = await Server.Admin.GetAsync("/admin/oauth2/auth/requests/login");

        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ErrorIdAsync(unknown)).ShouldBe("oauth2_request_not_found");
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorIdAsync(missing)).ShouldBe("oauth2_challenge_missing");
    }

    [Fact]
    public async Task AcceptOAuth2LoginRequest_AnswersTheAuthorizationUrlWithAVerifier_ThenTheRequestIsGone()
    {
        var (flow, challenge) = await StartLoginAsync(Server);

        var redirectTo = await AcceptLoginAsync(Server, challenge, "subject-1");
        using var again = await Server.Admin.GetAsync($"/admin/oauth2/auth/requests/login?login_challenge={challenge}");

        redirectTo.ShouldStartWith(new Uri(Server.PublicUrl, "/oauth2/auth?").AbsoluteUri);
        var query = QueryOf(redirectTo);
        query["client_id"].ShouldBe(flow.ClientId);
        query["state"].ShouldBe("st-12345678");
        query["login_verifier"]!.Length.ShouldBe(43);
        again.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await again.Content.ReadFromJsonAsync<JsonObject>())!["redirect_to"]!.ToString().ShouldBe(flow.RequestUrl);
    }

    [Fact]
    public async Task AcceptOAuth2LoginRequest_Twice_AnswersConflict()
    {
        var (_, challenge) = await StartLoginAsync(Server);
        await AcceptLoginAsync(Server, challenge, "subject-1");

        using var second = await Server.Admin.PutAsJsonAsync($"/admin/oauth2/auth/requests/login/accept?login_challenge={challenge}", new { subject = "subject-2" });
        using var reject = await Server.Admin.PutAsJsonAsync($"/admin/oauth2/auth/requests/login/reject?login_challenge={challenge}", new { error = "access_denied" });

        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ErrorIdAsync(second)).ShouldBe("oauth2_request_handled");
        reject.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AcceptOAuth2LoginRequest_Concurrently_ExactlyOneWins()
    {
        var (_, challenge) = await StartLoginAsync(Server);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            using var response = await Server.Admin.PutAsJsonAsync($"/admin/oauth2/auth/requests/login/accept?login_challenge={challenge}", new { subject = $"s{i}" });
            return response.StatusCode;
        }));

        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(1);
        statuses.Count(s => s == HttpStatusCode.Conflict).ShouldBe(9);
    }

    [Fact]
    public async Task AcceptOAuth2LoginRequest_WithoutSubjectOrWithAnotherThanTheSessions_AnswersBadRequest()
    {
        var (_, fresh) = await StartLoginAsync(Server);
        var (_, skipped) = await StartLoginAsync(Server, subject: "session-subject");

        using var noSubject = await Server.Admin.PutAsJsonAsync($"/admin/oauth2/auth/requests/login/accept?login_challenge={fresh}", new { remember = true });
        using var otherSubject = await Server.Admin.PutAsJsonAsync($"/admin/oauth2/auth/requests/login/accept?login_challenge={skipped}", new { subject = "someone-else" });
        using var notJson = await Server.Admin.PutAsync($"/admin/oauth2/auth/requests/login/accept?login_challenge={fresh}", new StringContent("[1]", System.Text.Encoding.UTF8, "application/json"));

        noSubject.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorIdAsync(noSubject)).ShouldBe("oauth2_handle_request_invalid");
        otherSubject.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        notJson.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Server.Admin.GetAsync($"/admin/oauth2/auth/requests/login?login_challenge={fresh}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RejectOAuth2LoginRequest_AnswersTheAuthorizationUrlWithAVerifierCarryingTheError()
    {
        var (_, challenge) = await StartLoginAsync(Server);

        using var response = await Server.Admin.PutAsJsonAsync(
            $"/admin/oauth2/auth/requests/login/reject?login_challenge={challenge}", new { error = "access_denied", error_description = "no", status_code = 403 });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var verifier = QueryOf((await response.Content.ReadFromJsonAsync<JsonObject>())!["redirect_to"]!.ToString())["login_verifier"];
        var flow = await Server.Services.GetRequiredService<Tessera.OAuth2.Authorization.Flows.LoginRequests>().FindByVerifierAsync(verifier);
        flow!.State.ShouldBe("login_error");
        JsonNode.Parse(flow.LoginError!)!["error"]!.ToString().ShouldBe("access_denied");
    }

    [Fact]
    public async Task AcceptOAuth2LoginRequest_PastTheRequestLifespan_AnswersExpired()
    {
        await using var server = await TesseraTestServer.StartAsync(fixture.Kind);
        var (_, challenge) = await StartLoginAsync(server);
        server.Clock.Advance(TimeSpan.FromMinutes(31));

        using var response = await server.Admin.PutAsJsonAsync($"/admin/oauth2/auth/requests/login/accept?login_challenge={challenge}", new { subject = "s" });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ErrorIdAsync(response)).ShouldBe("oauth2_request_expired");
    }

    [Fact]
    public async Task LoginChallenge_IsStoredOnlyAsItsHash()
    {
        var (flow, challenge) = await StartLoginAsync(Server);

        await using var connection = await Server.Services.GetRequiredService<Database>().OpenAsync();
        var stored = await connection.QuerySingleAsync<string>(
            "SELECT login_challenge_hash FROM oauth2_flows WHERE login_challenge_hash = @Hash",
            new { Hash = Tessera.OAuth2.Authorization.Flows.FlowSecret.Hash(challenge) });

        stored.ShouldNotContain(challenge);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM oauth2_flows WHERE login_challenge_hash = @C", new { C = challenge })).ShouldBe(0);
        flow.Id.ShouldNotBe(Guid.Empty);
    }
}

public sealed class SqliteLoginRequestApiTests(SqliteServer fixture) : LoginRequestApiTests(fixture), IClassFixture<SqliteServer>;

public sealed class PostgresLoginRequestApiTests(PostgresServer fixture) : LoginRequestApiTests(fixture), IClassFixture<PostgresServer>;
