// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.Sessions;

namespace Tessera.IntegrationTests.Identities;

/// <summary>
/// <c>GET /admin/identities</c> as Kratos answers it: items without credentials, relative keyset links, the
/// deprecated page / per_page with <c>X-Total-Count</c>, and a 400 naming any paging parameter it cannot read.
/// </summary>
public abstract class AdminIdentityListTests(ServerFixture fixture)
{
    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task ListIdentities_Items_OmitCredentialsUnlessIncludeCredentialAsks()
    {
        var email = $"list-{Guid.NewGuid():N}@example.com";
        var id = await TestIdentities.CreateAsync(Server, email, "a list passphrase 4711");
        var filter = $"credentials_identifier={Uri.EscapeDataString(email)}";

        var listed = (await Server.Admin.GetFromJsonAsync<JsonArray>($"/admin/identities?{filter}"))!.Single()!.AsObject();
        var listedWith = (await Server.Admin.GetFromJsonAsync<JsonArray>($"/admin/identities?{filter}&include_credential=password"))!.Single()!;
        var got = (await Server.Admin.GetFromJsonAsync<JsonObject>($"/admin/identities/{id}"))!;
        var gotWith = (await Server.Admin.GetFromJsonAsync<JsonObject>($"/admin/identities/{id}?include_credential=password"))!;

        listed["id"]!.GetValue<string>().ShouldBe(id.ToString());
        listed["traits"]!["email"]!.GetValue<string>().ShouldBe(email);
        listed.ContainsKey("credentials").ShouldBeFalse();
        listedWith["credentials"]!["password"]!["config"]!["hashed_password"]!.GetValue<string>().ShouldStartWith("$argon2id$");
        got["credentials"]!["password"]!["identifiers"]![0]!.GetValue<string>().ShouldBe(email);
        got["credentials"]!["password"]!.AsObject().ContainsKey("config").ShouldBeFalse();
        gotWith["credentials"]!["password"]!["config"]!["hashed_password"]!.GetValue<string>().ShouldStartWith("$argon2id$");
    }

    [Fact]
    public async Task ListIdentities_LegacyPageAndPerPage_PageByOffsetWithTheTotal()
    {
        await using var server = await TesseraTestServer.StartAsync(fixture.Kind, IdentitiesServer.FastHashing);
        for (var i = 0; i < 5; i++)
        {
            await TestIdentities.CreateAsync(server);
        }

        var all = (await server.Admin.GetFromJsonAsync<JsonArray>("/admin/identities"))!.Select(i => i!["id"]!.GetValue<string>()).ToList();
        using var last = await server.Admin.GetAsync("/admin/identities?page=2&per_page=2");
        using var beyond = await server.Admin.GetAsync("/admin/identities?page=9&per_page=2");

        last.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await last.Content.ReadFromJsonAsync<JsonArray>())!.Select(i => i!["id"]!.GetValue<string>()).ShouldBe(all.Skip(4).ToList());
        last.Headers.GetValues("X-Total-Count").Single().ShouldBe("5");
        last.Headers.GetValues("Link").ShouldBe(
        [
            "</admin/identities?page=0&per_page=2>; rel=\"first\"",
            "</admin/identities?page=1&per_page=2>; rel=\"prev\"",
            "</admin/identities?page=2&per_page=2>; rel=\"last\"",
        ]);
        (await beyond.Content.ReadFromJsonAsync<JsonArray>())!.ShouldBeEmpty();
        beyond.Headers.GetValues("X-Total-Count").Single().ShouldBe("5");
    }

    [Fact]
    public async Task ListIdentities_Keyset_LinksAreRelativeAndKeepTheFilters()
    {
        await using var server = await TesseraTestServer.StartAsync(fixture.Kind, IdentitiesServer.FastHashing);
        for (var i = 0; i < 3; i++)
        {
            await TestIdentities.CreateAsync(server);
        }

        using var first = await server.Admin.GetAsync("/admin/identities?page_size=2&include_credential=password");
        var links = first.Headers.GetValues("Link").ToList();
        var next = links.Single(l => l.EndsWith("rel=\"next\"", StringComparison.Ordinal));
        using var second = await server.Admin.GetAsync(next[1..next.IndexOf('>', StringComparison.Ordinal)]);

        links[0].ShouldBe("</admin/identities?include_credential=password&page_size=2>; rel=\"first\"");
        next.ShouldStartWith("</admin/identities?include_credential=password&page_size=2&page_token=");
        first.Headers.Contains("X-Total-Count").ShouldBeFalse("as Kratos, keyset pages of identities are not counted");
        (await second.Content.ReadFromJsonAsync<JsonArray>())!.Count.ShouldBe(1);
        second.Headers.GetValues("Link").ShouldNotContain(l => l.Contains("rel=\"next\""));
    }

    [Theory]
    [InlineData("/admin/identities?page_size=abc", "page_size")]
    [InlineData("/admin/identities?page_size=0", "page_size")]
    [InlineData("/admin/identities?page_token=garbage!", "page_token")]
    [InlineData("/admin/identities?page_token=WyIxMjMiXQ", "page_token")]
    [InlineData("/admin/identities?page=x", "page")]
    [InlineData("/admin/identities?per_page=0", "per_page")]
    [InlineData("/schemas?page_size=abc", "page_size")]
    [InlineData("/schemas?page_token=WyJub3QtYS1zY2hlbWEiXQ", "page_token")]
    [InlineData("/admin/courier/messages?page_token=garbage!", "page_token")]
    public async Task AdminLists_UnreadablePagingParameter_Answer400NamingIt(string path, string parameter)
    {
        using var response = await Server.Admin.GetAsync(path);

        await AdminSessionListTests.ShouldNameParameter(response, parameter);
    }
}

public sealed class SqliteAdminIdentityListTests(IdentitiesSqliteServer fixture) : AdminIdentityListTests(fixture), IClassFixture<IdentitiesSqliteServer>;

public sealed class PostgresAdminIdentityListTests(IdentitiesPostgresServer fixture) : AdminIdentityListTests(fixture), IClassFixture<IdentitiesPostgresServer>;
