// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Hashing;
using Tessera.Identities;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Identities;

/// <summary>The admin identity API over real HTTP, on each database.</summary>
public abstract class AdminIdentityApiTests(IdentitiesServer fixture)
{
    private HttpClient Admin => fixture.Server.Admin;

    private static string Email() => $"user-{Guid.NewGuid():N}@example.com";

    private static JsonObject Body(string email, JsonObject? credentials = null) => new()
    {
        ["schema_id"] = "default",
        ["traits"] = new JsonObject { ["email"] = email, ["name"] = new JsonObject { ["first"] = "Ann" } },
        ["credentials"] = credentials,
    };

    private static JsonObject Hashed(string hash) =>
        new() { ["password"] = new JsonObject { ["config"] = new JsonObject { ["hashed_password"] = hash } } };

    private async Task<JsonObject> CreateAsync(JsonObject body)
    {
        var response = await Admin.PostAsJsonAsync("/admin/identities", body);
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToJsonString());
        return json;
    }

    [Fact]
    public async Task ConcurrentPatches_OfOneIdentity_AllLand_NoneIsLost()
    {
        var body = Body(Email());
        body["metadata_admin"] = new JsonObject();
        var id = (await CreateAsync(body))["id"]!.ToString();

        // Each patch was computed by a client that read the identity before any of the others landed; a write that
        // replaced the identity as its request had read it would drop the keys written meanwhile.
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Admin.PatchAsync(
            $"/admin/identities/{id}",
            new StringContent($$"""[{"op":"add","path":"/metadata_admin/k{{i}}","value":{{i}}}]""", Encoding.UTF8, "application/json"))));
        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }

        var stored = (await Admin.GetFromJsonAsync<JsonObject>($"/admin/identities/{id}"))!;
        stored["metadata_admin"]!.AsObject().Select(p => p.Key).Order().ShouldBe(Enumerable.Range(0, 20).Select(i => $"k{i}").Order());
    }

    [Fact]
    public async Task Identity_CreateGetListUpdatePatchDelete_RoundTrips()
    {
        var email = Email();
        var created = await CreateAsync(Body(email.ToUpperInvariant()));
        var id = created["id"]!.ToString();
        created["state"]!.ToString().ShouldBe("active");
        created["schema_url"]!.ToString().ShouldEndWith("/schemas/ZGVmYXVsdA");
        created["credentials"]!["password"]!["identifiers"]![0]!.ToString().ShouldBe(email);
        created["credentials"]!["password"]!["config"].ShouldBeNull();
        created["verifiable_addresses"]![0]!["value"]!.ToString().ShouldBe(email);
        created["verifiable_addresses"]![0]!["status"]!.ToString().ShouldBe("pending");

        var fetched = (await Admin.GetFromJsonAsync<JsonObject>($"/admin/identities/{id}"))!;
        fetched["traits"]!["email"]!.ToString().ShouldBe(email.ToUpperInvariant());

        var listed = (await Admin.GetFromJsonAsync<JsonArray>($"/admin/identities?credentials_identifier={Uri.EscapeDataString(email.ToUpperInvariant())}"))!;
        listed.Select(i => i!["id"]!.ToString()).ShouldBe([id]);

        var newEmail = Email();
        var put = await Admin.PutAsJsonAsync($"/admin/identities/{id}", new JsonObject
        {
            ["schema_id"] = "default",
            ["state"] = "inactive",
            ["traits"] = new JsonObject { ["email"] = newEmail },
            ["metadata_public"] = new JsonObject { ["plan"] = "pro" },
        });
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var updated = (await put.Content.ReadFromJsonAsync<JsonObject>())!;
        updated["state"]!.ToString().ShouldBe("inactive");
        updated["credentials"]!["password"]!["identifiers"]![0]!.ToString().ShouldBe(newEmail);
        (await Admin.GetFromJsonAsync<JsonArray>($"/admin/identities?credentials_identifier={email}"))!.ShouldBeEmpty();

        var patch = new StringContent("""[{"op":"replace","path":"/state","value":"active"},{"op":"add","path":"/metadata_admin","value":{"note":"vip"}}]""", Encoding.UTF8, "application/json");
        var patched = await Admin.PatchAsync($"/admin/identities/{id}", patch);
        patched.StatusCode.ShouldBe(HttpStatusCode.OK, await patched.Content.ReadAsStringAsync());
        var afterPatch = (await patched.Content.ReadFromJsonAsync<JsonObject>())!;
        afterPatch["state"]!.ToString().ShouldBe("active");
        afterPatch["metadata_admin"]!["note"]!.ToString().ShouldBe("vip");
        afterPatch["metadata_public"]!["plan"]!.ToString().ShouldBe("pro");

        (await Admin.DeleteAsync($"/admin/identities/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Admin.GetAsync($"/admin/identities/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Admin.DeleteAsync($"/admin/identities/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"schema_id":"default","traits":{"email":"not-an-email"}}""", 4000001)]
    [InlineData("""{"schema_id":"default","traits":{"name":{"first":"Ann"}}}""", 4000002)]
    [InlineData("""{"schema_id":"default","traits":{"email":"a@"}}""", 4000003)]
    public async Task Create_InvalidTraits_400WithMessageOnTraitsEmail(string body, int messageId)
    {
        var response = await Admin.PostAsync("/admin/identities", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!;
        error["id"]!.ToString().ShouldBe("identity_traits_invalid");
        var field = error["details"]!["messages"]!.AsArray().Single(m => m!["name"]!.ToString() == "traits.email")!;
        field["pointer"]!.ToString().ShouldBe("#/traits/email");
        field["messages"]!.AsArray().Select(m => (int)m!["id"]!).ShouldContain(messageId);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"traits":"a string"}""")]
    [InlineData("""{"schema_id":"nope","traits":{"email":"a@b.co"}}""")]
    public async Task Create_MalformedBodyOrUnknownSchema_Is400NotA500(string body)
    {
        var response = await Admin.PostAsync("/admin/identities", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_50ConcurrentWithSameEmail_ExactlyOneCreatedOthersConflict()
    {
        var email = Email();
        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            // Vary the case: normalisation must make them the same identifier.
            var variant = i % 2 == 0 ? email : email.ToUpperInvariant();
            var response = await Admin.PostAsJsonAsync("/admin/identities", Body(variant));
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["reason"]!.ToString()
                    .ShouldBe("This identity conflicts with another identity that already exists.");
            }

            return response.StatusCode;
        }));

        statuses.Count(s => s == HttpStatusCode.Created).ShouldBe(1);
        statuses.Count(s => s == HttpStatusCode.Conflict).ShouldBe(49);
    }

    [Theory]
    [InlineData("$2b$06$abcdefghijklmnopqrstuu10cNU3mXRamSUZYs8I8M/Szu..qXq5K")]
    [InlineData("$pbkdf2-sha256$i=10000,l=32$MDEyMzQ1Njc4OWFiY2RlZg$VqOEAUrTaAjMD6sh91JvmGtbD+YNGnXNMbfIDxgj094")]
    [InlineData("AQAAAAIAAYagAAAAEDAxMjM0NTY3ODlhYmNkZWYUjU2jeDRmOIQbK0f5D3lXn+vx5YOP/LDo4hqzACNrAQ==")]
    [InlineData("$scrypt$ln=16384,r=8,p=1$MDEyMzQ1Njc4OWFiY2RlZg==$tjK03tRvEjqCcPwmgtddMkgjlXrk8U/b9rIvfeBMKCc=")]
    public async Task Import_HashedPassword_StoredHashVerifies_AndLoginUpgradesItToArgon2id(string hash)
    {
        const string password = "correct horse battery staple";
        var email = Email();
        var id = (await CreateAsync(Body(email, Hashed(hash))))["id"]!.ToString();

        var stored = (await Admin.GetFromJsonAsync<JsonObject>($"/admin/identities/{id}?include_credential=password"))!;
        var storedHash = stored["credentials"]!["password"]!["config"]!["hashed_password"]!.ToString();
        storedHash.ShouldBe(hash);
        PasswordHasher.Verify(password, storedHash).ShouldBeTrue();

        var authenticator = fixture.Server.Services.GetRequiredService<PasswordAuthenticator>();
        (await authenticator.AuthenticateAsync(email.ToUpperInvariant(), "wrong password")).ShouldBeNull();
        (await authenticator.AuthenticateAsync(email, password))!.Id.ToString().ShouldBe(id);
        var upgraded = (await Admin.GetFromJsonAsync<JsonObject>($"/admin/identities/{id}?include_credential=password"))!
            ["credentials"]!["password"]!["config"]!["hashed_password"]!.ToString();
        upgraded.ShouldStartWith("$argon2id$");
        PasswordHasher.Verify(password, upgraded).ShouldBeTrue();
    }

    [Fact]
    public async Task Import_Argon2idVector_Verifies()
    {
        var email = Email();
        var id = (await CreateAsync(Body(email, Hashed("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"))))["id"]!.ToString();

        var identity = await fixture.Server.Services.GetRequiredService<PasswordAuthenticator>().AuthenticateAsync(email, "password");

        identity!.Id.ToString().ShouldBe(id);
    }

    [Fact]
    public async Task Create_WithPlainPassword_PolicyViolationIs400WithPasswordMessage()
    {
        var body = Body(Email(), new JsonObject { ["password"] = new JsonObject { ["config"] = new JsonObject { ["password"] = "short" } } });

        var response = await Admin.PostAsJsonAsync("/admin/identities", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!;
        error["id"]!.ToString().ShouldBe("identity_password_rejected");
        ((int)error["details"]!["messages"]![0]!["messages"]![0]!["id"]!).ShouldBe(4000032);
    }

    [Fact]
    public async Task Create_WithAbsurdBcryptCost_Is400Quickly()
    {
        var response = await Admin.PostAsJsonAsync("/admin/identities", Body(Email(), Hashed("$2b$31$abcdefghijklmnopqrstuu10cNU3mXRamSUZYs8I8M/Szu..qXq5K")));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["id"]!.ToString().ShouldBe("identity_hashed_password_invalid");
    }

    [Fact]
    public async Task BatchPatch_OneBadItem_DoesNotFailTheOthers()
    {
        var email = Email();
        var body = new JsonObject
        {
            ["identities"] = new JsonArray(
                new JsonObject { ["create"] = Body(email), ["patch_id"] = "00000000-0000-0000-0000-000000000001" },
                new JsonObject { ["create"] = Body(email) },
                new JsonObject { ["create"] = new JsonObject { ["schema_id"] = "default", ["traits"] = new JsonObject() } },
                new JsonObject { ["create"] = Body(Email()) }),
        };

        var response = await Admin.PatchAsJsonAsync("/admin/identities", body);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var items = (await response.Content.ReadFromJsonAsync<JsonObject>())!["identities"]!.AsArray();
        items.Select(i => i!["action"]!.ToString()).ShouldBe(["create", "error", "error", "create"]);
        items[0]!["patch_id"]!.ToString().ShouldBe("00000000-0000-0000-0000-000000000001");
        items[1]!["error"]!["id"]!.ToString().ShouldBe("identity_conflict");
        items[2]!["error"]!["id"]!.ToString().ShouldBe("identity_traits_invalid");
    }

    [Fact]
    public async Task DeleteCredential_Password_RemovesItAndSecondTimeIs404()
    {
        var id = (await CreateAsync(Body(Email(), Hashed("$2b$06$abcdefghijklmnopqrstuu10cNU3mXRamSUZYs8I8M/Szu..qXq5K"))))["id"]!.ToString();

        (await Admin.DeleteAsync($"/admin/identities/{id}/credentials/password")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Admin.GetFromJsonAsync<JsonObject>($"/admin/identities/{id}"))!["credentials"]!.AsObject().ContainsKey("password").ShouldBeFalse();
        (await Admin.DeleteAsync($"/admin/identities/{id}/credentials/password")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/admin/identities/not-a-uuid")]
    [InlineData("/admin/identities/00000000-0000-0000-0000-000000000000")]
    public async Task Get_UnknownOrGarbageId_Is404IdentityNotFound(string path)
    {
        var response = await Admin.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["id"]!.ToString().ShouldBe("identity_not_found");
    }

    [Fact]
    public async Task AdminPath_OnPublicPort_Is404()
    {
        (await fixture.Server.Public.GetAsync("/admin/identities")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fixture.Server.Public.PostAsJsonAsync("/admin/identities", Body(Email()))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Schemas_OnBothListeners_ListAndFetchByIdOrEncodedId()
    {
        foreach (var client in new[] { fixture.Server.Public, Admin })
        {
            var list = (await client.GetFromJsonAsync<JsonArray>("/schemas"))!;
            list.Select(s => s!["id"]!.ToString()).ShouldContain("default");
            (await client.GetFromJsonAsync<JsonObject>("/schemas/default"))!["properties"]!["traits"].ShouldNotBeNull();
            (await client.GetFromJsonAsync<JsonObject>("/schemas/ZGVmYXVsdA"))!["properties"].ShouldNotBeNull();
            (await client.GetAsync("/schemas/unknown")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }
}

public sealed class SqliteAdminIdentityApiTests(IdentitiesSqliteServer fixture) : AdminIdentityApiTests(fixture), IClassFixture<IdentitiesSqliteServer>;

public sealed class PostgresAdminIdentityApiTests(IdentitiesPostgresServer fixture) : AdminIdentityApiTests(fixture), IClassFixture<IdentitiesPostgresServer>;
