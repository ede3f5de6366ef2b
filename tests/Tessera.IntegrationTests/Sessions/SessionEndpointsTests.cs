// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Sessions;

namespace Tessera.IntegrationTests.Sessions;

/// <summary>Sessions over real HTTP. Sessions are issued through the server's own SessionManager (login comes later).</summary>
public abstract class SessionEndpointsTests(ServerFixture fixture)
{
    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task Whoami_WithSessionTokenHeader_Answers200WithTheSession()
    {
        var issued = await IssueAsync(await TestIdentities.CreateAsync(Server));

        using var response = await Whoami(r => r.Headers.Add("X-Session-Token", issued.Token));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("id").GetGuid().ShouldBe(issued.Session.Id);
        body.RootElement.GetProperty("active").GetBoolean().ShouldBeTrue();
        body.RootElement.GetProperty("authenticator_assurance_level").GetString().ShouldBe("aal1");
        body.RootElement.GetProperty("authentication_methods")[0].GetProperty("method").GetString().ShouldBe("password");
        response.Headers.GetValues("X-Kratos-Authenticated-Identity-Id").Single().ShouldBe(issued.Session.IdentityId.ToString());
    }

    [Fact]
    public async Task Whoami_WithBearerOrCookie_Answers200()
    {
        var issued = await IssueAsync(await TestIdentities.CreateAsync(Server));

        using var bearer = await Whoami(r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issued.Token));
        using var cookie = await Whoami(r => r.Headers.Add("Cookie", $"ory_kratos_session={issued.Token}"));

        bearer.StatusCode.ShouldBe(HttpStatusCode.OK);
        cookie.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ory_st_unknown")]
    [InlineData("' OR 1=1 --")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public async Task Whoami_WithoutAUsableToken_Answers401SessionInactive(string? token)
    {
        using var response = await Whoami(r =>
        {
            if (token is not null)
            {
                r.Headers.Add("X-Session-Token", token);
            }
        });

        await ShouldBeError(response, HttpStatusCode.Unauthorized, "session_inactive");
    }

    [Fact]
    public async Task Whoami_AfterAdminRevokes_Answers401AtOnce()
    {
        var issued = await IssueAsync(await TestIdentities.CreateAsync(Server));

        using var revoke = await Server.Admin.DeleteAsync($"/admin/sessions/{issued.Session.Id}");
        using var response = await Whoami(r => r.Headers.Add("X-Session-Token", issued.Token));

        revoke.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await ShouldBeError(response, HttpStatusCode.Unauthorized, "session_inactive");
    }

    [Fact]
    public async Task Whoami_CachedAnswer_IsDroppedAtOnceWhenThisNodeRevokesOrDisables()
    {
        var identity = await TestIdentities.CreateAsync(Server);
        var revoked = await IssueAsync(identity);
        var disabled = await IssueAsync(identity);
        (await Send(HttpMethod.Get, "/sessions/whoami", revoked.Token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Send(HttpMethod.Get, "/sessions/whoami", disabled.Token)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Server.Admin.DeleteAsync($"/admin/sessions/{revoked.Session.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await ShouldBeError(await Send(HttpMethod.Get, "/sessions/whoami", revoked.Token), HttpStatusCode.Unauthorized, "session_inactive");
        (await Send(HttpMethod.Get, "/sessions/whoami", disabled.Token)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/admin/identities/{identity}")
        {
            Content = new StringContent("""[{"op":"replace","path":"/state","value":"inactive"}]""", System.Text.Encoding.UTF8, "application/json"),
        };
        (await Server.Admin.SendAsync(patch)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldBeError(await Send(HttpMethod.Get, "/sessions/whoami", disabled.Token), HttpStatusCode.Unauthorized, "session_inactive");
    }

    [Fact]
    public async Task Whoami_CacheHeader_SaysMissThenHitAndMissAgainAfterALocalWrite()
    {
        var identity = await TestIdentities.CreateAsync(Server);
        var issued = await IssueAsync(identity);
        var other = await IssueAsync(identity);

        using var first = await Send(HttpMethod.Get, "/sessions/whoami", issued.Token);
        using var second = await Send(HttpMethod.Get, "/sessions/whoami", issued.Token);
        (await Server.Admin.DeleteAsync($"/admin/sessions/{other.Session.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var afterWrite = await Send(HttpMethod.Get, "/sessions/whoami", issued.Token);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.GetValues(WhoamiResult.CacheHeader).Single().ShouldBe("MISS");
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.Headers.GetValues(WhoamiResult.CacheHeader).Single().ShouldBe("HIT");
        afterWrite.Headers.GetValues(WhoamiResult.CacheHeader).Single().ShouldBe("MISS", "a session write on this node empties the cache");
    }

    [Fact]
    public async Task Whoami_CacheHeader_WithTheCacheOff_IsAlwaysMiss()
    {
        await using var server = await TesseraTestServer.StartAsync(fixture.Kind, new Dictionary<string, string> { ["session.whoami.cache_ttl"] = "0s" });
        var issued = await server.Services.GetRequiredService<SessionManager>().IssueAsync(await TestIdentities.CreateAsync(server), Password(server), null);

        using var first = await Send(HttpMethod.Get, "/sessions/whoami", issued.Token, server.Public);
        using var second = await Send(HttpMethod.Get, "/sessions/whoami", issued.Token, server.Public);

        first.Headers.GetValues(WhoamiResult.CacheHeader).Single().ShouldBe("MISS");
        second.Headers.GetValues(WhoamiResult.CacheHeader).Single().ShouldBe("MISS");
    }

    [Fact]
    public async Task Whoami_RevokedOnAnotherNode_StopsWithinTheCacheTtl()
    {
        await using var other = await TesseraTestServer.StartAsync(fixture.Kind, new Dictionary<string, string> { ["session.whoami.cache_ttl"] = "2s" }, dsn: Server.Dsn);
        var issued = await IssueAsync(await TestIdentities.CreateAsync(Server));
        using (var first = new HttpRequestMessage(HttpMethod.Get, "/sessions/whoami"))
        {
            first.Headers.Add("X-Session-Token", issued.Token);
            (await other.Public.SendAsync(first)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await Server.Admin.DeleteAsync($"/admin/sessions/{issued.Session.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var withinBound = await Send(HttpMethod.Get, "/sessions/whoami", issued.Token, other.Public);
        other.Clock.Advance(TimeSpan.FromSeconds(2));
        var afterBound = await Send(HttpMethod.Get, "/sessions/whoami", issued.Token, other.Public);

        withinBound.StatusCode.ShouldBe(HttpStatusCode.OK, "the other node may answer from its cache for at most session.whoami.cache_ttl");
        await ShouldBeError(afterBound, HttpStatusCode.Unauthorized, "session_inactive");
    }

    [Fact]
    public async Task Whoami_ByDefault_IsNotRateLimitedPerSession()
    {
        var issued = await IssueAsync(await TestIdentities.CreateAsync(Server));

        for (var i = 0; i < 320; i++)
        {
            using var response = await Send(HttpMethod.Get, "/sessions/whoami", issued.Token);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"call {i + 1}");
        }
    }

    [Fact]
    public async Task Whoami_AfterTheLifespan_Answers401()
    {
        await using var server = await TesseraTestServer.StartAsync(fixture.Kind, new Dictionary<string, string> { ["session.lifespan"] = "10m" });
        var issued = await server.Services.GetRequiredService<SessionManager>().IssueAsync(await TestIdentities.CreateAsync(server), Password(server), null);
        server.Clock.Advance(TimeSpan.FromMinutes(11));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/sessions/whoami");
        request.Headers.Add("X-Session-Token", issued.Token);
        using var response = await server.Public.SendAsync(request);

        await ShouldBeError(response, HttpStatusCode.Unauthorized, "session_inactive");
    }

    [Fact]
    public async Task Whoami_AfterTheIdentityIsDisabledOrDeleted_Answers401()
    {
        var disabled = await TestIdentities.CreateAsync(Server);
        var deleted = await TestIdentities.CreateAsync(Server);
        var a = await IssueAsync(disabled);
        var b = await IssueAsync(deleted);

        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/admin/identities/{disabled}")
        {
            Content = new StringContent("""[{"op":"replace","path":"/state","value":"inactive"}]""", System.Text.Encoding.UTF8, "application/json"),
        };
        (await Server.Admin.SendAsync(patch)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Server.Admin.DeleteAsync($"/admin/identities/{deleted}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await ShouldBeError(await Send(HttpMethod.Get, "/sessions/whoami", a.Token), HttpStatusCode.Unauthorized, "session_inactive");
        await ShouldBeError(await Send(HttpMethod.Get, "/sessions/whoami", b.Token), HttpStatusCode.Unauthorized, "session_inactive");
    }

    [Fact]
    public async Task MySessions_ListRevokeOthersAndRefuseTheCurrent()
    {
        var identity = await TestIdentities.CreateAsync(Server);
        var current = await IssueAsync(identity);
        var other1 = await IssueAsync(identity);
        var other2 = await IssueAsync(identity);
        var stranger = await IssueAsync(await TestIdentities.CreateAsync(Server));

        using var list = await Send(HttpMethod.Get, "/sessions", current.Token);
        using var listed = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        listed.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ShouldBe([other1.Session.Id, other2.Session.Id], ignoreOrder: true);

        using var self = await Send(HttpMethod.Delete, $"/sessions/{current.Session.Id}", current.Token);
        await ShouldBeError(self, HttpStatusCode.BadRequest, "session_is_current");
        // Kratos: 204 whether or not the id names one of the caller's sessions; another identity's is left alone (below).
        using var foreign = await Send(HttpMethod.Delete, $"/sessions/{stranger.Session.Id}", current.Token);
        foreign.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var one = await Send(HttpMethod.Delete, $"/sessions/{other1.Session.Id}", current.Token);
        one.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var rest = await Send(HttpMethod.Delete, "/sessions", current.Token);
        using var count = JsonDocument.Parse(await rest.Content.ReadAsStringAsync());
        count.RootElement.GetProperty("count").GetInt32().ShouldBe(1);
        (await Send(HttpMethod.Get, "/sessions/whoami", other2.Token)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Send(HttpMethod.Get, "/sessions/whoami", current.Token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Send(HttpMethod.Get, "/sessions/whoami", stranger.Token)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AdminSessions_GetExtendListAndDelete()
    {
        var identity = await TestIdentities.CreateAsync(Server);
        var issued = await IssueAsync(identity);
        Server.Clock.Advance(TimeSpan.FromHours(1));

        using var extended = await Server.Admin.PatchAsync($"/admin/sessions/{issued.Session.Id}/extend", null);
        using var extendedBody = JsonDocument.Parse(await extended.Content.ReadAsStringAsync());
        extended.StatusCode.ShouldBe(HttpStatusCode.OK);
        extendedBody.RootElement.GetProperty("expires_at").GetDateTimeOffset().ShouldBeGreaterThan(issued.Session.ExpiresAt);

        using var list = await Server.Admin.GetAsync($"/admin/identities/{identity}/sessions?active=true");
        using var listBody = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        listBody.RootElement.GetArrayLength().ShouldBe(1);

        (await Server.Admin.DeleteAsync($"/admin/identities/{identity}/sessions")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await ShouldBeError(await Server.Admin.GetAsync($"/admin/sessions/{issued.Session.Id}"), HttpStatusCode.NotFound, "session_not_found");
        await ShouldBeError(await Server.Admin.GetAsync("/admin/sessions/not-a-uuid"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Listeners_AdminPathOnPublicPortAndPublicPathOnAdminPort_Answer404()
    {
        var issued = await IssueAsync(await TestIdentities.CreateAsync(Server));

        using var adminOnPublic = await Server.Public.GetAsync($"/admin/sessions/{issued.Session.Id}");
        using var publicOnAdmin = await Send(HttpMethod.Get, "/sessions/whoami", issued.Token, Server.Admin);
        using var spoofedHost = new HttpRequestMessage(HttpMethod.Get, $"/admin/sessions/{issued.Session.Id}");
        spoofedHost.Headers.Host = $"127.0.0.1:{Server.AdminUrl.Port}";
        using var spoofed = await Server.Public.SendAsync(spoofedHost);

        await ShouldBeError(adminOnPublic, HttpStatusCode.NotFound, "not_found");
        await ShouldBeError(publicOnAdmin, HttpStatusCode.NotFound, "not_found");
        await ShouldBeError(spoofed, HttpStatusCode.NotFound, "not_found");
    }

    private static IReadOnlyList<AuthenticationMethod> Password(TesseraTestServer server) =>
        [new AuthenticationMethod("password", "aal1", server.Clock.GetUtcNow())];

    private Task<IssuedSession> IssueAsync(Guid identity) =>
        Server.Services.GetRequiredService<SessionManager>().IssueAsync(identity, Password(Server), null);

    private async Task<HttpResponseMessage> Whoami(Action<HttpRequestMessage> configure)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sessions/whoami");
        configure(request);
        return await Server.Public.SendAsync(request);
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string token, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Session-Token", token);
        return await (client ?? Server.Public).SendAsync(request);
    }

    private static async Task ShouldBeError(HttpResponseMessage response, HttpStatusCode status, string id)
    {
        response.StatusCode.ShouldBe(status);
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe(id);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("error").GetProperty("id").GetString().ShouldBe(id);
        body.RootElement.GetProperty("error").GetProperty("code").GetInt32().ShouldBe((int)status);
    }
}

public sealed class SqliteSessionEndpointsTests(SqliteServer fixture) : SessionEndpointsTests(fixture), IClassFixture<SqliteServer>;

public sealed class PostgresSessionEndpointsTests(PostgresServer fixture) : SessionEndpointsTests(fixture), IClassFixture<PostgresServer>;
