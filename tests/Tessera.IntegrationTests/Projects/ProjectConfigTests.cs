// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.SelfService.Mfa;
using static Tessera.IntegrationTests.Projects.ProjectHosts;

namespace Tessera.IntegrationTests.Projects;

/// <summary>
/// A project's configuration overlay (issue 21): <c>GET|PATCH /admin/projects/{id}/config</c>, validated as the file
/// is and never half-applied, and acceptance 1's "overlays differ and take effect without restart".
/// </summary>
public abstract class ProjectConfigTests(DatabaseKind kind)
{
    private const string Password = "correct horse battery staple 21";

    [Fact]
    public async Task Patch_BadValue_Answers400NamingTheKeyPath_AndTheOverlayIsUnchanged()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings());
        var (projectId, _) = await CreateProjectAsync(server);
        using var good = await PatchAsync(server, projectId, """{"session":{"whoami":{"required_aal":"aal1"}}}""");
        await JsonAsync(good, HttpStatusCode.OK);

        using var bad = await PatchAsync(server, projectId,
            """{"session":{"lifespan":"2h"},"selfservice":{"flows":{"settings":{"required_aal":"aal9"}}}}""");

        var error = (await JsonAsync(bad, HttpStatusCode.BadRequest)).GetProperty("error");
        error.GetProperty("id").GetString().ShouldBe("project_config_invalid");
        error.GetProperty("reason").GetString()!.ShouldContain("selfservice.flows.settings.required_aal");
        var stored = await GetConfigAsync(server, projectId);
        stored.GetProperty("version").GetInt64().ShouldBe(1);
        stored.GetProperty("overlay").GetRawText().ShouldBe("""{"session":{"whoami":{"required_aal":"aal1"}}}""");
    }

    [Theory]
    [InlineData("""{"serve":{"public":{"port":"4455"}}}""", "serve.public.port")]
    [InlineData("""{"secrets":{"cookie":["0123456789abcdef0123456789abcdef"]}}""", "secrets.cookie")]
    [InlineData("""{"hashers":{"argon2":{"iterations":"3"}}}""", "hashers.argon2.iterations")]
    [InlineData("""{"selfservice":{"methods":{"password":{"config":{"haveibeenpwned_host":"127.0.0.1:5998"}}}}}""", "selfservice.methods.password.config.haveibeenpwned_host")]
    [InlineData("""{"selfservice":{"methods":{"password":{"config":{"breached_passwords_file":"/etc/passwd"}}}}}""", "selfservice.methods.password.config.breached_passwords_file")]
    public async Task Patch_DeploymentWideKey_Answers400NamingIt(string patch, string key)
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings());
        var (projectId, _) = await CreateProjectAsync(server);

        var reason = await ShouldRefuseAsync(server, projectId, patch, key);

        reason.ShouldContain("deployment-wide");
    }

    [Fact]
    public async Task Patch_UnknownKey_IsStoredWithAWarning_AsTheFileWarns()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings());
        var (projectId, _) = await CreateProjectAsync(server);

        using var response = await PatchAsync(server, projectId, """{"sesion":{"lifespan":"1h"}}""");

        var body = await JsonAsync(response, HttpStatusCode.OK);
        body.GetProperty("warnings").EnumerateArray().Single().GetString()!.ShouldStartWith("sesion.lifespan");
    }

    [Fact]
    public async Task Patch_NullRemovesAKey_AndAStaleIfMatchAnswers412()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings());
        var (projectId, _) = await CreateProjectAsync(server);
        using var first = await PatchAsync(server, projectId, """{"session":{"lifespan":"2h","whoami":{"required_aal":"aal1"}}}""");
        await JsonAsync(first, HttpStatusCode.OK);

        using var removed = await PatchAsync(server, projectId, """{"session":{"whoami":null}}""", ifMatch: "\"1\"");
        using var stale = await PatchAsync(server, projectId, """{"session":{"lifespan":"3h"}}""", ifMatch: "\"1\"");

        var body = await JsonAsync(removed, HttpStatusCode.OK);
        body.GetProperty("overlay").GetRawText().ShouldBe("""{"session":{"lifespan":"2h"}}""");
        removed.Headers.ETag!.Tag.ShouldBe("\"2\"");
        (await JsonAsync(stale, HttpStatusCode.PreconditionFailed)).GetProperty("error").GetProperty("id").GetString()
            .ShouldBe("project_config_version_mismatch");
    }

    [Fact]
    public async Task Patch_RacingWritesWithTheSameIfMatch_ExactlyOneIsStored()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings());
        var (projectId, _) = await CreateProjectAsync(server);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            PatchAsync(server, projectId, $"{{\"session\":{{\"lifespan\":\"{i + 1}h\"}}}}", ifMatch: "\"0\"")));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed).ShouldBe(19);
        (await GetConfigAsync(server, projectId)).GetProperty("version").GetInt64().ShouldBe(1);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task TwoProjects_OneOverlaysWhoamiToAal1_ATotpIdentitySignedInWithOneFactorGets200ThereAnd403OnTheOther()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings(new Dictionary<string, string>
        {
            ["selfservice.methods.totp.enabled"] = "true",
            ["secrets.cipher"] = """["a-test-cipher-key-that-is-32-chars-or-more"]""",
        }));
        var (projectId, projectHost) = await CreateProjectAsync(server);
        using var patched = await PatchAsync(server, projectId, """{"session":{"whoami":{"required_aal":"aal1"}}}""");
        await JsonAsync(patched, HttpStatusCode.OK);

        var defaultToken = await TotpIdentityPasswordSessionAsync(server, BaseDomain);
        var projectToken = await TotpIdentityPasswordSessionAsync(server, projectHost);
        using var onDefault = await SendAsync(server, BaseDomain, HttpMethod.Get, "/sessions/whoami", sessionToken: defaultToken);
        using var onProject = await SendAsync(server, projectHost, HttpMethod.Get, "/sessions/whoami", sessionToken: projectToken);

        (await JsonAsync(onDefault, HttpStatusCode.Forbidden)).GetProperty("error").GetProperty("id").GetString().ShouldBe("session_aal2_required");
        (await JsonAsync(onProject, HttpStatusCode.OK)).GetProperty("authenticator_assurance_level").GetString().ShouldBe("aal1");
    }

    [Fact]
    public async Task TwoNodes_PatchThroughNodeA_NodeBAppliesItWithinTheBound_WithoutRestart()
    {
        await using var first = await TesseraTestServer.StartAsync(kind, Settings());
        await using var second = await TesseraTestServer.StartAsync(kind, Settings(), dsn: first.Dsn);
        var (projectId, projectHost) = await CreateProjectAsync(first);
        second.Clock.Advance(Tessera.Projects.Overlays.ProjectOverlayRefresher.Bound);
        using var before = await GetAsync(second, projectHost, "/self-service/registration/api");
        before.StatusCode.ShouldBe(HttpStatusCode.OK, await before.Content.ReadAsStringAsync());

        using var patched = await PatchAsync(first, projectId, """{"selfservice":{"flows":{"registration":{"enabled":false}}}}""");
        await JsonAsync(patched, HttpStatusCode.OK);
        using var onFirst = await GetAsync(first, projectHost, "/self-service/registration/api");
        using var withinBound = await GetAsync(second, projectHost, "/self-service/registration/api");
        second.Clock.Advance(Tessera.Projects.Overlays.ProjectOverlayRefresher.Bound);
        using var afterBound = await GetAsync(second, projectHost, "/self-service/registration/api");
        using var defaultProject = await GetAsync(second, BaseDomain, "/self-service/registration/api");

        onFirst.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        withinBound.StatusCode.ShouldBe(HttpStatusCode.OK);
        afterBound.StatusCode.ShouldBe(onFirst.StatusCode, await afterBound.Content.ReadAsStringAsync());
        defaultProject.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<string> TotpIdentityPasswordSessionAsync(TesseraTestServer server, string host)
    {
        var email = $"o-{Guid.NewGuid():N}@example.com";
        var registration = await NewApiFlowAsync(server, host, "registration");
        using var registered = await SendAsync(server, host, HttpMethod.Post, $"/self-service/registration?flow={registration.GetProperty("id").GetString()}",
            new { method = "password", password = Password, traits = new { email } });
        var token = (await JsonAsync(registered, HttpStatusCode.OK)).GetProperty("session_token").GetString()!;

        var settings = await JsonAsync(await SendAsync(server, host, HttpMethod.Get, "/self-service/settings/api", sessionToken: token), HttpStatusCode.OK);
        var secret = settings.GetProperty("ui").GetProperty("nodes").EnumerateArray()
            .Single(n => n.GetProperty("attributes").TryGetProperty("id", out var id) && id.GetString() == "totp_secret_key")
            .GetProperty("attributes").GetProperty("text").GetProperty("context").GetProperty("secret").GetString()!;
        using var linked = await SendAsync(server, host, HttpMethod.Post, $"/self-service/settings?flow={settings.GetProperty("id").GetString()}",
            new { method = "totp", totp_code = TestTotp.Code(secret, server.Clock.GetUtcNow()) }, sessionToken: token);
        await JsonAsync(linked, HttpStatusCode.OK);

        var login = await NewApiFlowAsync(server, host, "login");
        using var signedIn = await SendAsync(server, host, HttpMethod.Post, $"/self-service/login?flow={login.GetProperty("id").GetString()}",
            new { method = "password", identifier = email, password = Password });
        return (await JsonAsync(signedIn, HttpStatusCode.OK)).GetProperty("session_token").GetString()!;
    }

    internal static async Task<HttpResponseMessage> PatchAsync(TesseraTestServer server, Guid projectId, string patch, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/admin/projects/{projectId}/config")
        {
            Content = new StringContent(patch, Encoding.UTF8, "application/merge-patch+json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await server.Admin.SendAsync(request);
    }

    /// <summary>PATCHes <paramref name="patch"/>, expects 400 project_config_invalid naming <paramref name="key"/> and nothing stored; returns the reason.</summary>
    internal static async Task<string> ShouldRefuseAsync(TesseraTestServer server, Guid projectId, string patch, string key)
    {
        var before = (await GetConfigAsync(server, projectId)).GetProperty("version").GetInt64();
        using var response = await PatchAsync(server, projectId, patch);

        var error = (await JsonAsync(response, HttpStatusCode.BadRequest)).GetProperty("error");
        error.GetProperty("id").GetString().ShouldBe("project_config_invalid");
        var reason = error.GetProperty("reason").GetString()!;
        reason.ShouldContain(key);
        (await GetConfigAsync(server, projectId)).GetProperty("version").GetInt64().ShouldBe(before);
        return reason;
    }

    internal static async Task<JsonElement> GetConfigAsync(TesseraTestServer server, Guid projectId) =>
        await JsonAsync(await server.Admin.GetAsync($"/admin/projects/{projectId}/config"), HttpStatusCode.OK);
}

public sealed class SqliteProjectConfigTests() : ProjectConfigTests(DatabaseKind.Sqlite);

public sealed class PostgresProjectConfigTests() : ProjectConfigTests(DatabaseKind.Postgres);
