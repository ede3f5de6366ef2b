// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.OAuth2;

/// <summary>
/// Every error under Hydra's admin paths (/admin/clients, /admin/keys, /admin/oauth2) is Hydra's errorOAuth2
/// (error, error_description, error_hint, status_code), whoever raised it, with Tessera's catalog id and doc_url as
/// extra members; other admin paths keep Kratos's envelope. On each database.
/// </summary>
public abstract class HydraAdminErrorTests(ServerFixture fixture)
{
    private TesseraTestServer Server => fixture.Server;

    public static TheoryData<string, string, string> Answers => new()
    {
        { "/admin/oauth2/auth/requests/login?login_challenge=unknown-challenge", "not_found", "oauth2_request_not_found" },
        { "/admin/oauth2/auth/requests/consent", "invalid_request", "oauth2_challenge_missing" },
        { "/admin/keys/no-such-set/no-such-kid", "not_found", "oauth2_key_not_found" },
        { "/admin/clients/no-such-client", "not_found", "oauth2_client_not_found" },
        { "/admin/clients/no-such-client/no-such-route", "not_found", "not_found" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Error_UnderHydrasAdminPaths_IsErrorOAuth2WithTheCatalogId(string path, string code, string id)
    {
        using var response = await Server.Admin.GetAsync(path);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        body["error"]!.GetValueKind().ShouldBe(System.Text.Json.JsonValueKind.String, body.ToJsonString());
        body["error"]!.ToString().ShouldBe(code);
        body["status_code"]!.GetValue<int>().ShouldBe((int)response.StatusCode);
        body["error_description"]!.ToString().ShouldNotBeEmpty();
        body["id"]!.ToString().ShouldBe(id);
        body["doc_url"]!.ToString().ShouldContain(id);
        response.Headers.GetValues("Ory-Error-Id").ShouldBe([id]);
    }

    [Fact]
    public async Task Error_OnAnotherAdminPath_KeepsKratossEnvelope()
    {
        using var response = await Server.Admin.GetAsync($"/admin/identities/{Guid.NewGuid()}");
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        body["error"].ShouldBeOfType<JsonObject>();
    }
}

public sealed class SqliteHydraAdminErrorTests(SqliteServer fixture) : HydraAdminErrorTests(fixture), IClassFixture<SqliteServer>;

public sealed class PostgresHydraAdminErrorTests(PostgresServer fixture) : HydraAdminErrorTests(fixture), IClassFixture<PostgresServer>;
