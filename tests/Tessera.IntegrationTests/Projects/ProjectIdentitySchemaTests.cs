// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.Projects.ProjectHosts;

namespace Tessera.IntegrationTests.Projects;

/// <summary>
/// Per-project identity schemas (issue 21): project A's overlay sets <c>identity.schemas</c> to a schema whose password
/// identifier is a username; project B keeps the file's (the built-in e-mail schema). Registration, settings,
/// <c>/schemas</c> and the admin identity API each answer with the ambient project's schemas only.
/// </summary>
public abstract class ProjectIdentitySchemaTests(DatabaseKind kind)
{
    private const string Password = "correct horse battery staple 21";

    internal const string MemberSchema = """
        {"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{"traits":{"type":"object",
         "properties":{"username":{"type":"string","minLength":3,"ory.sh/kratos":{"credentials":{"password":{"identifier":true}}}}},
         "required":["username"]}}}
        """;

    internal static string Base64Url(string json) => "base64://" + Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    internal static string MemberOverlay() =>
        $$$"""{"identity":{"schemas":[{"id":"member","url":"{{{Base64Url(MemberSchema)}}}"}],"default_schema_id":"member"}}""";

    [Fact]
    public async Task TwoProjects_AOverlaysAUsernameSchema_RegistrationSchemasAndAdminFollowTheProject_BKeepsTheDefault()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings());
        var (a, aHost) = await CreateProjectAsync(server);
        var (b, bHost) = await CreateProjectAsync(server);
        using var patched = await ProjectConfigTests.PatchAsync(server, a, MemberOverlay());
        await JsonAsync(patched, HttpStatusCode.OK);
        var username = $"u{Guid.NewGuid():N}"[..16];
        var email = $"s-{Guid.NewGuid():N}@example.com";

        using var onA = await RegisterAsync(server, aHost, new { username });
        using var emailOnA = await RegisterAsync(server, aHost, new { email });
        using var onB = await RegisterAsync(server, bHost, new { email });
        using var usernameOnB = await RegisterAsync(server, bHost, new { username });

        var registeredOnA = await JsonAsync(onA, HttpStatusCode.OK);
        registeredOnA.GetProperty("identity").GetProperty("schema_id").GetString().ShouldBe("member");
        FlowJson.NodeMessageIds(await JsonAsync(emailOnA, HttpStatusCode.BadRequest), "traits.username").ShouldBe([4000002]);
        (await JsonAsync(onB, HttpStatusCode.OK)).GetProperty("identity").GetProperty("schema_id").GetString().ShouldBe("default");
        FlowJson.NodeMessageIds(await JsonAsync(usernameOnB, HttpStatusCode.BadRequest), "traits.email").ShouldBe([4000002]);

        (await SchemaIdsAsync(server, aHost)).ShouldBe(["member"]);
        (await SchemaIdsAsync(server, bHost)).ShouldBe(["default"]);
        using var memberOnA = await GetAsync(server, aHost, "/schemas/member");
        using var memberOnB = await GetAsync(server, bHost, "/schemas/member");
        (await JsonAsync(memberOnA, HttpStatusCode.OK)).GetProperty("properties").GetProperty("traits").GetProperty("required")[0].GetString()
            .ShouldBe("username");
        (await JsonAsync(memberOnB, HttpStatusCode.NotFound)).GetProperty("error").GetProperty("id").GetString().ShouldBe("identity_schema_not_found");

        var adminOnB = new KeyedAdminClient(server, key: null, project: b.ToString());
        await adminOnB.ShouldFailAsync(HttpMethod.Post, "/admin/identities", HttpStatusCode.BadRequest, "identity_schema_unknown",
            new { schema_id = "member", traits = new { username = "someone" } });
        var adminOnA = new KeyedAdminClient(server, key: null, project: a.ToString());
        (await adminOnA.PostAsync("/admin/identities", new { schema_id = "member", traits = new { username = $"a{username}" } }))
            .GetProperty("schema_id").GetString().ShouldBe("member");
    }

    [Fact]
    public async Task IdentityCreatedInA_SettingsValidatesAgainstAsSchema()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings());
        var (a, aHost) = await CreateProjectAsync(server);
        using var patched = await ProjectConfigTests.PatchAsync(server, a, MemberOverlay());
        await JsonAsync(patched, HttpStatusCode.OK);
        using var registered = await RegisterAsync(server, aHost, new { username = $"u{Guid.NewGuid():N}"[..16] });
        var token = (await JsonAsync(registered, HttpStatusCode.OK)).GetProperty("session_token").GetString()!;

        using var renamed = await UpdateSettingsAsync(server, aHost, token, new { username = $"r{Guid.NewGuid():N}"[..16] });
        using var tooShort = await UpdateSettingsAsync(server, aHost, token, new { username = "ab" });

        (await JsonAsync(renamed, HttpStatusCode.OK)).GetProperty("identity").GetProperty("traits").TryGetProperty("email", out _).ShouldBeFalse();
        FlowJson.NodeMessageIds(await JsonAsync(tooShort, HttpStatusCode.BadRequest), "traits.username").ShouldHaveSingleItem()
            .ShouldBeInRange(4000001, 4000099);
    }

    internal static async Task<HttpResponseMessage> RegisterAsync(TesseraTestServer server, string host, object traits)
    {
        var flow = await NewApiFlowAsync(server, host, "registration");
        return await SendAsync(server, host, HttpMethod.Post, $"/self-service/registration?flow={flow.GetProperty("id").GetString()}",
            new { method = "password", password = Password, traits });
    }

    internal static async Task<List<string>> SchemaIdsAsync(TesseraTestServer server, string host)
    {
        using var response = await GetAsync(server, host, "/schemas");
        return (await JsonAsync(response, HttpStatusCode.OK)).EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();
    }

    private static async Task<HttpResponseMessage> UpdateSettingsAsync(TesseraTestServer server, string host, string token, object traits)
    {
        using var started = await SendAsync(server, host, HttpMethod.Get, "/self-service/settings/api", sessionToken: token);
        var flow = await JsonAsync(started, HttpStatusCode.OK);
        return await SendAsync(server, host, HttpMethod.Post, $"/self-service/settings?flow={flow.GetProperty("id").GetString()}",
            new { method = "profile", traits }, sessionToken: token);
    }
}

public sealed class SqliteProjectIdentitySchemaTests() : ProjectIdentitySchemaTests(DatabaseKind.Sqlite);

public sealed class PostgresProjectIdentitySchemaTests() : ProjectIdentitySchemaTests(DatabaseKind.Postgres);
