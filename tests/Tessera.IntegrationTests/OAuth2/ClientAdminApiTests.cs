// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.OAuth2.OAuth2Calls;

namespace Tessera.IntegrationTests.OAuth2;

/// <summary>Hydra's client administration (/admin/clients) over real HTTP, on each database.</summary>
public abstract class ClientAdminApiTests(ServerFixture fixture)
{
    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task Create_ShowsTheSecretOnce_AndFillsHydraDefaults()
    {
        var created = await CreateClientAsync(Server, """{"client_name": "shop", "redirect_uris": ["https://shop.example.test/cb"], "metadata": {"tier": "gold"}}""");

        created["client_secret"]!.ToString().Length.ShouldBeGreaterThanOrEqualTo(43);
        created["grant_types"]!.AsArray().Select(g => g!.ToString()).ShouldBe(["authorization_code"]);
        created["response_types"]!.AsArray().Select(g => g!.ToString()).ShouldBe(["code"]);
        created["token_endpoint_auth_method"]!.ToString().ShouldBe("client_secret_basic");
        created["metadata"]!["tier"]!.ToString().ShouldBe("gold");
        created["created_at"].ShouldNotBeNull();

        var fetched = (await Server.Admin.GetFromJsonAsync<JsonObject>($"/admin/clients/{created["client_id"]}"))!;
        fetched.ContainsKey("client_secret").ShouldBeFalse();
        fetched["client_name"]!.ToString().ShouldBe("shop");
    }

    [Fact]
    public async Task Create_WithATakenIdOrBadMetadata_Is409Or400()
    {
        var id = "client-" + Guid.NewGuid().ToString("N");
        await CreateClientAsync(Server, $$"""{"client_id": "{{id}}"}""");

        using var conflict = await PostJsonAsync("/admin/clients", $$"""{"client_id": "{{id}}"}""");
        using var invalid = await PostJsonAsync("/admin/clients", """{"token_endpoint_auth_method": "magic"}""");
        using var notJson = await PostJsonAsync("/admin/clients", "{nope");

        conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.ToString().ShouldBe("invalid_client_metadata");
        notJson.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PutPatchDelete_ChangeTheClient_ThenItIsGone()
    {
        var created = await CreateClientAsync(Server, """{"client_name": "before", "scope": "read"}""");
        var id = created["client_id"]!.ToString();

        using var put = await Server.Admin.PutAsync($"/admin/clients/{id}", Json("""{"client_name": "after", "scope": "read write", "grant_types": ["client_credentials"]}"""));
        using var patch = await Server.Admin.PatchAsync($"/admin/clients/{id}", Json("""[{"op": "replace", "path": "/client_name", "value": "patched"}, {"op": "add", "path": "/audience/-", "value": "https://api.example.test"}]"""));
        var patched = (await patch.Content.ReadFromJsonAsync<JsonObject>())!;
        using var delete = await Server.Admin.DeleteAsync($"/admin/clients/{id}");
        using var gone = await Server.Admin.GetAsync($"/admin/clients/{id}");

        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        patch.StatusCode.ShouldBe(HttpStatusCode.OK);
        patched["client_name"]!.ToString().ShouldBe("patched");
        patched["scope"]!.ToString().ShouldBe("read write");
        patched["audience"]!.AsArray().Select(a => a!.ToString()).ShouldBe(["https://api.example.test"]);
        delete.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gone.Content.ReadFromJsonAsync<JsonObject>())!["error_uri"]!.ToString().ShouldEndWith("/ui/errors/oauth2_client_not_found");
    }

    [Fact]
    public async Task RotateSecret_OldSecretStopsWorking_NewOneWorks()
    {
        var client = await CreateServiceClientAsync(Server);

        using var rotate = await Server.Admin.PostAsync($"/admin/clients/{client.Id}/secrets/rotate", null);
        var secret = (await rotate.Content.ReadFromJsonAsync<JsonObject>())!["client_secret"]!.ToString();
        var old = await SendAsync(Server.Public, TokenRequest(Form(("grant_type", "client_credentials")), client));
        var fresh = await SendAsync(Server.Public, TokenRequest(Form(("grant_type", "client_credentials")), (client.Id, secret)));

        rotate.StatusCode.ShouldBe(HttpStatusCode.OK);
        old.Status.ShouldBe(HttpStatusCode.Unauthorized);
        fresh.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ChosenSecret_IsHashedWithPbkdf2_AndVerifies()
    {
        var created = await CreateClientAsync(Server, """{"client_secret": "a-chosen-secret", "grant_types": ["client_credentials"], "scope": ""}""");
        var id = created["client_id"]!.ToString();

        var first = await SendAsync(Server.Public, TokenRequest(Form(("grant_type", "client_credentials")), (id, "a-chosen-secret")));
        var again = await SendAsync(Server.Public, TokenRequest(Form(("grant_type", "client_credentials")), (id, "a-chosen-secret")));
        var wrong = await SendAsync(Server.Public, TokenRequest(Form(("grant_type", "client_credentials")), (id, "a-chosen-secreT")));

        created["client_secret"]!.ToString().ShouldBe("a-chosen-secret");
        first.Status.ShouldBe(HttpStatusCode.OK);
        again.Status.ShouldBe(HttpStatusCode.OK);
        wrong.Status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task List_PagesWithHydrasLinkHeader()
    {
        var owner = "owner-" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < 3; i++)
        {
            await CreateClientAsync(Server, $$"""{"client_name": "listed-{{i}}", "owner": "{{owner}}"}""");
        }

        using var first = await Server.Admin.GetAsync("/admin/clients?page_size=2");
        var link = string.Join(",", first.Headers.GetValues("Link"));
        var items = (await first.Content.ReadFromJsonAsync<JsonArray>())!;

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        items.Count.ShouldBe(2);
        link.ShouldContain("rel=\"next\"");
        link.ShouldContain("page_token=");
        var mine = (await Server.Admin.GetFromJsonAsync<JsonArray>($"/admin/clients?owner={owner}&page_size=1000"))!;
        mine.Count.ShouldBe(3);
    }

    [Fact]
    public async Task ClientApi_OnThePublicListener_IsNotFound()
    {
        using var response = await Server.Public.GetAsync("/admin/clients");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private Task<HttpResponseMessage> PostJsonAsync(string path, string json) => Server.Admin.PostAsync(path, Json(json));
}

public sealed class SqliteClientAdminApiTests(SqliteServer fixture) : ClientAdminApiTests(fixture), IClassFixture<SqliteServer>;

public sealed class PostgresClientAdminApiTests(PostgresServer fixture) : ClientAdminApiTests(fixture), IClassFixture<PostgresServer>;
