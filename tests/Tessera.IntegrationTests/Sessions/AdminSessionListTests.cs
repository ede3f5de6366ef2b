// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Sessions;

namespace Tessera.IntegrationTests.Sessions;

/// <summary>
/// The session lists as Kratos pages them (<c>GET /admin/sessions</c>, <c>/admin/identities/{id}/sessions</c>,
/// <c>/sessions</c>): relative <c>Link</c> headers with <c>page_token</c>, <c>X-Total-Count</c>, the deprecated
/// <c>page</c> / <c>per_page</c>, and <c>expand</c> on the admin reads. Tests that count start their own server so
/// the totals count only their sessions.
/// </summary>
public abstract partial class AdminSessionListTests(ServerFixture fixture)
{
    private DatabaseKind Kind => fixture.Kind;

    [Fact]
    public async Task ListSessions_FollowingTheNextLink_ReturnsEverySessionOnceWithTheTotal()
    {
        await using var server = await TesseraTestServer.StartAsync(Kind);
        var issued = new List<Guid>();
        foreach (var identity in new[] { await TestIdentities.CreateAsync(server), await TestIdentities.CreateAsync(server) })
        {
            for (var i = 0; i < 4; i++)
            {
                issued.Add((await IssueAsync(server, identity)).Session.Id);
            }
        }

        var seen = new List<Guid>();
        var url = "/admin/sessions?page_size=3";
        var pages = 0;
        while (url is not null)
        {
            using var response = await server.Admin.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Headers.GetValues("X-Total-Count").Single().ShouldBe("8");
            var links = response.Headers.GetValues("Link").ToList();
            links.ShouldContain("</admin/sessions?page_size=3>; rel=\"first\"");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            foreach (var session in body.RootElement.EnumerateArray())
            {
                seen.Add(session.GetProperty("id").GetGuid());
                // Kratos: identity and devices only when expanded.
                session.TryGetProperty("identity", out _).ShouldBeFalse();
                session.TryGetProperty("devices", out _).ShouldBeFalse();
            }

            var next = links.Select(l => NextLink().Match(l)).FirstOrDefault(m => m.Success);
            url = next?.Groups["url"].Value;
            url?.ShouldStartWith("/admin/sessions?page_size=3&page_token=");
            pages++;
        }

        pages.ShouldBe(3);
        seen.ShouldBeUnique();
        seen.ShouldBe(issued, ignoreOrder: true);
    }

    [Fact]
    public async Task ListSessions_ActiveFilterAndExpand_NarrowAndWidenTheAnswer()
    {
        await using var server = await TesseraTestServer.StartAsync(Kind);
        var identity = await TestIdentities.CreateAsync(server);
        var live = await IssueAsync(server, identity);
        var revoked = await IssueAsync(server, identity);
        (await server.Admin.DeleteAsync($"/admin/sessions/{revoked.Session.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var active = await server.Admin.GetAsync("/admin/sessions?active=true");
        using var inactive = await server.Admin.GetAsync("/admin/sessions?active=false&expand=identity&expand=devices");
        using var empty = await server.Admin.GetAsync("/admin/sessions?page_size=&page_token=&active=&expand=");

        active.Headers.GetValues("X-Total-Count").Single().ShouldBe("1");
        (await Ids(active)).ShouldBe([live.Session.Id]);
        inactive.Headers.GetValues("X-Total-Count").Single().ShouldBe("1");
        using var inactiveBody = JsonDocument.Parse(await inactive.Content.ReadAsStringAsync());
        inactiveBody.RootElement[0].GetProperty("id").GetGuid().ShouldBe(revoked.Session.Id);
        inactiveBody.RootElement[0].GetProperty("identity").GetProperty("id").GetGuid().ShouldBe(identity);
        inactiveBody.RootElement[0].GetProperty("devices").ValueKind.ShouldBe(JsonValueKind.Array);
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        empty.Headers.GetValues("X-Total-Count").Single().ShouldBe("2");
    }

    [Fact]
    public async Task GetSession_OmitsIdentityAndDevicesUnlessExpanded()
    {
        await using var server = await TesseraTestServer.StartAsync(Kind);
        var identity = await TestIdentities.CreateAsync(server);
        var issued = await IssueAsync(server, identity);

        using var plain = JsonDocument.Parse(await server.Admin.GetStringAsync($"/admin/sessions/{issued.Session.Id}"));
        using var withIdentity = JsonDocument.Parse(await server.Admin.GetStringAsync($"/admin/sessions/{issued.Session.Id}?expand=Identity"));
        using var both = JsonDocument.Parse(await server.Admin.GetStringAsync($"/admin/sessions/{issued.Session.Id}?expand=identity&expand=devices"));

        plain.RootElement.GetProperty("id").GetGuid().ShouldBe(issued.Session.Id);
        plain.RootElement.TryGetProperty("identity", out _).ShouldBeFalse();
        plain.RootElement.TryGetProperty("devices", out _).ShouldBeFalse();
        withIdentity.RootElement.GetProperty("identity").GetProperty("id").GetGuid().ShouldBe(identity);
        withIdentity.RootElement.TryGetProperty("devices", out _).ShouldBeFalse();
        both.RootElement.GetProperty("identity").GetProperty("id").GetGuid().ShouldBe(identity);
        both.RootElement.GetProperty("devices").ValueKind.ShouldBe(JsonValueKind.Array);
    }

    [Fact]
    public async Task ListSessions_LegacyPageAndPerPage_PageByOffsetWithTheTotal()
    {
        await using var server = await TesseraTestServer.StartAsync(Kind);
        var identity = await TestIdentities.CreateAsync(server);
        for (var i = 0; i < 5; i++)
        {
            await IssueAsync(server, identity);
        }

        using var all = await server.Admin.GetAsync("/admin/sessions");
        var ordered = await Ids(all);
        using var second = await server.Admin.GetAsync("/admin/sessions?page=1&per_page=2");

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Ids(second)).ShouldBe(ordered.Skip(2).Take(2).ToList());
        second.Headers.GetValues("X-Total-Count").Single().ShouldBe("5");
        second.Headers.GetValues("Link").ShouldBe(
        [
            "</admin/sessions?page=0&per_page=2>; rel=\"first\"",
            "</admin/sessions?page=0&per_page=2>; rel=\"prev\"",
            "</admin/sessions?page=2&per_page=2>; rel=\"next\"",
            "</admin/sessions?page=2&per_page=2>; rel=\"last\"",
        ]);
    }

    [Fact]
    public async Task ListSessions_PageSizeAbove1000_IsTakenAs1000()
    {
        await using var server = await TesseraTestServer.StartAsync(Kind);

        using var response = await server.Admin.GetAsync("/admin/sessions?page_size=1001");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Link").ShouldContain("</admin/sessions?page_size=1000>; rel=\"first\"");
    }

    [Theory]
    [InlineData("/admin/sessions?page_size=abc", "page_size")]
    [InlineData("/admin/sessions?page_size=0", "page_size")]
    [InlineData("/admin/sessions?page_size=-5", "page_size")]
    [InlineData("/admin/sessions?page_token=garbage!", "page_token")]
    [InlineData("/admin/sessions?page_token=bm9wZQ", "page_token")]
    [InlineData("/admin/sessions?page_token=WyJub3QtYS10aW1lIiwieCJd", "page_token")]
    [InlineData("/admin/sessions?page=abc", "page")]
    [InlineData("/admin/sessions?page=-1", "page")]
    [InlineData("/admin/sessions?per_page=many", "per_page")]
    [InlineData("/admin/sessions?active=maybe", "active")]
    [InlineData("/admin/sessions?expand=credentials", "expand")]
    [InlineData("/admin/sessions/00000000-0000-0000-0000-000000000001?expand=everything", "expand")]
    [InlineData("/admin/identities/00000000-0000-0000-0000-000000000001/sessions?page_size=abc", "page_size")]
    [InlineData("/admin/identities/00000000-0000-0000-0000-000000000001/sessions?page_token=%%%", "page_token")]
    [InlineData("/admin/identities/00000000-0000-0000-0000-000000000001/sessions?active=1", "active")]
    public async Task AdminSessionReads_UnreadableParameter_Answer400NamingIt(string path, string parameter)
    {
        using var response = await fixture.Server.Admin.GetAsync(path);

        await ShouldNameParameter(response, parameter);
    }

    [Fact]
    public async Task ListIdentitySessions_PagesWithLinkAndTotal()
    {
        await using var server = await TesseraTestServer.StartAsync(Kind);
        var identity = await TestIdentities.CreateAsync(server);
        var issued = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            issued.Add((await IssueAsync(server, identity)).Session.Id);
        }

        await IssueAsync(server, await TestIdentities.CreateAsync(server));

        using var first = await server.Admin.GetAsync($"/admin/identities/{identity}/sessions?page_size=2");
        var next = first.Headers.GetValues("Link").Select(l => NextLink().Match(l)).Single(m => m.Success).Groups["url"].Value;
        using var second = await server.Admin.GetAsync(next);

        first.Headers.GetValues("X-Total-Count").Single().ShouldBe("3");
        next.ShouldStartWith($"/admin/identities/{identity}/sessions?page_size=2&page_token=");
        var ids = (await Ids(first)).Concat(await Ids(second)).ToList();
        ids.ShouldBe(issued, ignoreOrder: true);
        second.Headers.GetValues("Link").ShouldNotContain(l => l.Contains("rel=\"next\""));
    }

    [Fact]
    public async Task ListMySessions_PagesWithLinkAndTotal()
    {
        await using var server = await TesseraTestServer.StartAsync(Kind);
        var identity = await TestIdentities.CreateAsync(server);
        var current = await IssueAsync(server, identity);
        var others = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            others.Add((await IssueAsync(server, identity)).Session.Id);
        }

        using var first = await Mine(server, "/sessions?page_size=2", current.Token);
        var next = first.Headers.GetValues("Link").Select(l => NextLink().Match(l)).Single(m => m.Success).Groups["url"].Value;
        using var second = await Mine(server, next, current.Token);
        using var legacy = await Mine(server, "/sessions?page=1&per_page=2", current.Token);
        using var bad = await Mine(server, "/sessions?page_token=garbage!", current.Token);

        first.Headers.GetValues("X-Total-Count").Single().ShouldBe("3");
        (await Ids(first)).Concat(await Ids(second)).ShouldBe(others, ignoreOrder: true);
        (await Ids(legacy)).Count.ShouldBe(1);
        legacy.Headers.GetValues("X-Total-Count").Single().ShouldBe("3");
        await ShouldNameParameter(bad, "page_token");
    }

    private static IReadOnlyList<AuthenticationMethod> Password(TesseraTestServer server) =>
        [new AuthenticationMethod("password", "aal1", server.Clock.GetUtcNow())];

    private static async Task<IssuedSession> IssueAsync(TesseraTestServer server, Guid identity)
    {
        var issued = await server.Services.GetRequiredService<SessionManager>().IssueAsync(identity, Password(server), null);
        // Distinct creation times, so "newest first" is one order on every database.
        server.Clock.Advance(TimeSpan.FromSeconds(1));
        return issued;
    }

    private static async Task<HttpResponseMessage> Mine(TesseraTestServer server, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Session-Token", token);
        return await server.Public.SendAsync(request);
    }

    private static async Task<List<Guid>> Ids(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();
    }

    internal static async Task ShouldNameParameter(HttpResponseMessage response, string parameter)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("error");
        error.GetProperty("id").GetString().ShouldBe("malformed_request");
        error.GetProperty("details").GetProperty("parameter").GetString().ShouldBe(parameter);
        error.GetProperty("reason").GetString()!.ShouldContain(parameter);
    }

    [GeneratedRegex("^<(?<url>[^>]+)>; rel=\"next\"$")]
    private static partial Regex NextLink();
}

public sealed class SqliteAdminSessionListTests(SqliteServer fixture) : AdminSessionListTests(fixture), IClassFixture<SqliteServer>;

public sealed class PostgresAdminSessionListTests(PostgresServer fixture) : AdminSessionListTests(fixture), IClassFixture<PostgresServer>;
