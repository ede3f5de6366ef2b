// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;

namespace Tessera.IntegrationTests.Projects;

/// <summary>
/// <c>tessera workspaces</c> and <c>tessera projects</c> (create, list, delete, config, domains) run as a user runs
/// them, against the database a server uses; the server's admin API sees what they did. The commands reuse the admin
/// API's code, which the admin tests cover on both databases, so SQLite only.
/// </summary>
public sealed class ProjectsCliTests : IAsyncLifetime
{
    private TesseraTestServer _server = null!;
    private Dictionary<string, string> _environment = null!;

    public async Task InitializeAsync()
    {
        _server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite);
        _environment = new Dictionary<string, string> { ["DSN"] = _server.Dsn };
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task WorkspacesAndProjects_CreatedListedAndDeletedByCli_RoundTrip()
    {
        var (workspaceCreated, workspace, workspaceErr) = await RunAsync("workspaces", "create", "--name", "ops");
        workspaceCreated.ShouldBe(0, workspaceErr);
        workspace = workspace.Trim();
        var (_, workspaces, _) = await RunAsync("workspaces", "list");
        workspaces.ShouldContain($"{workspace}\tops\t");

        var slug = NewSlug();
        var (created, id, createErr) = await RunAsync("projects", "create", "--name", "Acme", "--slug", slug, "--workspace", workspace, "--environment", "sandbox");
        created.ShouldBe(0, createErr);
        id = id.Trim();
        var (_, listed, _) = await RunAsync("projects", "list", "--workspace", workspace);
        listed.ShouldContain($"{id}\t{slug}\tAcme\tsandbox\t{workspace}\t");
        using (var response = await _server.Admin.GetAsync($"/admin/projects/{id}"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var (taken, _, takenErr) = await RunAsync("projects", "create", "--name", "Again", "--slug", slug);
        var (invalid, _, invalidErr) = await RunAsync("projects", "create", "--name", "Bad", "--slug", "Not A Slug");
        var (defaultDeleted, _, defaultErr) = await RunAsync("projects", "delete", "default");
        taken.ShouldBe(1);
        takenErr.ShouldContain("project_conflict");
        invalid.ShouldBe(1);
        invalidErr.ShouldContain("project_request_invalid");
        defaultDeleted.ShouldBe(1);
        defaultErr.ShouldContain("project_conflict");
        defaultErr.Trim().Split('\n').Length.ShouldBe(1);

        var (deleted, _, deleteErr) = await RunAsync("projects", "delete", slug);
        deleted.ShouldBe(0, deleteErr);
        var (_, after, _) = await RunAsync("projects", "list");
        after.ShouldNotContain(id);
        using (var response = await _server.Admin.GetAsync($"/admin/projects/{id}"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var (again, _, againErr) = await RunAsync("projects", "delete", slug);
        again.ShouldBe(1);
        againErr.ShouldContain("project_not_found");
    }

    [Fact]
    public async Task ConfigSetAndGet_FileAndPairs_RoundTripAndTheAdminApiSeesThem()
    {
        var (slug, id) = await NewProjectAsync();
        var file = Path.Combine(Path.GetTempPath(), $"overlay-{Guid.NewGuid():N}.yml");
        await File.WriteAllTextAsync(file, "session:\n  whoami:\n    required_aal: aal1\n");
        try
        {
            var (set, setOut, setErr) = await RunAsync("projects", "config", "set", slug, "--file", file, "session.lifespan=2h");
            set.ShouldBe(0, setErr);
            JsonDocument.Parse(setOut).RootElement.GetProperty("version").GetInt64().ShouldBe(1);
        }
        finally
        {
            File.Delete(file);
        }

        var (got, getOut, getErr) = await RunAsync("projects", "config", "get", id);
        got.ShouldBe(0, getErr);
        var printed = JsonDocument.Parse(getOut).RootElement;
        printed.GetProperty("version").GetInt64().ShouldBe(1);
        var session = printed.GetProperty("overlay").GetProperty("session");
        session.GetProperty("lifespan").GetString().ShouldBe("2h");
        session.GetProperty("whoami").GetProperty("required_aal").GetString().ShouldBe("aal1");

        var stored = await AdminConfigAsync(id);
        stored.GetProperty("version").GetInt64().ShouldBe(1);
        stored.GetProperty("overlay").GetProperty("session").GetProperty("lifespan").GetString().ShouldBe("2h");

        // A null removes the key, as in a merge patch.
        var (removed, removedOut, removedErr) = await RunAsync("projects", "config", "set", slug, "session.lifespan=null");
        removed.ShouldBe(0, removedErr);
        JsonDocument.Parse(removedOut).RootElement.GetProperty("overlay").GetProperty("session").TryGetProperty("lifespan", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task ConfigSetAndGet_SecretIsSealedInTheRowAndRedacted_AndTheServerOpensWhatTheCliSealed()
    {
        var (slug, id) = await NewProjectAsync();
        const string hooks = """
            [{"hook": "web_hook", "config": {"url": "http://127.0.0.1:9/hook", "method": "POST",
              "auth": {"type": "basic_auth", "config": {"user": "hooks", "password": "cli-password-21"}}}}]
            """;

        var (set, setOut, setErr) = await RunAsync("projects", "config", "set", slug, $"selfservice.flows.registration.after.password.hooks={hooks}");
        var (got, getOut, getErr) = await RunAsync("projects", "config", "get", slug);

        set.ShouldBe(0, setErr);
        got.ShouldBe(0, getErr);
        setOut.ShouldNotContain("cli-password-21");
        getOut.ShouldNotContain("cli-password-21");
        getOut.ShouldContain("\"password\": \"(redacted)\"");
        var sealedRow = await StoredOverlayAsync(id);
        sealedRow.ShouldNotContain("cli-password-21");

        // The admin API's GET-modify-PATCH round trip: the server opens the CLI's sealed secret and keeps it as sealed.
        var overlay = (await AdminConfigAsync(id)).GetProperty("overlay").GetRawText();
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/admin/projects/{id}/config") { Content = new StringContent(overlay, System.Text.Encoding.UTF8, "application/json") };
        using var patched = await _server.Admin.SendAsync(patch);
        patched.StatusCode.ShouldBe(HttpStatusCode.OK, await patched.Content.ReadAsStringAsync());
        (await StoredOverlayAsync(id)).ShouldBe(sealedRow);
    }

    [Theory]
    [InlineData("session.lifespan=banana", "session.lifespan")]
    [InlineData("serve.public.port=4433", "serve.public.port")]
    public async Task ConfigSet_BadValue_ExitsNonZeroNamingTheKeyPath_AndStoresNothing(string pair, string key)
    {
        var (slug, id) = await NewProjectAsync();
        (await RunAsync("projects", "config", "set", slug, "session.lifespan=2h")).ExitCode.ShouldBe(0);

        var (refused, refusedOut, refusedErr) = await RunAsync("projects", "config", "set", slug, pair);

        refused.ShouldBe(1);
        refusedOut.Trim().ShouldBeEmpty();
        refusedErr.ShouldContain("project_config_invalid");
        refusedErr.ShouldContain(key);
        refusedErr.Trim().Split('\n').Length.ShouldBe(1);
        var stored = await AdminConfigAsync(id);
        stored.GetProperty("version").GetInt64().ShouldBe(1);
        stored.GetProperty("overlay").GetProperty("session").GetProperty("lifespan").GetString().ShouldBe("2h");
    }

    [Fact]
    public async Task Domains_AddedListedAndVerifiedByCli_ActiveOnceTheTxtRecordIsPublished()
    {
        await using var dns = new FakeDnsServer();
        var environment = new Dictionary<string, string>(_environment) { ["PROJECTS_DOMAINS_VERIFICATION_NAMESERVERS"] = dns.Endpoint };
        var (slug, id) = await NewProjectAsync();
        var hostname = $"{slug}.example.test";

        var (added, addOut, addErr) = await TesseraProcess.RunAsync(["projects", "domains", "add", slug, hostname], environment);
        added.ShouldBe(0, addErr);
        var domain = JsonDocument.Parse(addOut).RootElement;
        domain.GetProperty("state").GetString().ShouldBe("pending");
        var domainId = domain.GetProperty("id").GetString()!;
        var verification = domain.GetProperty("verification");
        var (_, listed, _) = await TesseraProcess.RunAsync(["projects", "domains", "list", id], environment);
        listed.ShouldContain($"{domainId}\t{hostname}\tpending\t");

        var (pending, _, pendingErr) = await TesseraProcess.RunAsync(["projects", "domains", "verify", slug, domainId], environment);
        pending.ShouldBe(1);
        pendingErr.ShouldContain("pending");

        dns.Records[verification.GetProperty("name").GetString()!] = [verification.GetProperty("value").GetString()!];
        var (verified, verifyOut, verifyErr) = await TesseraProcess.RunAsync(["projects", "domains", "verify", slug, domainId], environment);
        verified.ShouldBe(0, verifyErr);
        JsonDocument.Parse(verifyOut).RootElement.GetProperty("state").GetString().ShouldBe("active");
        using var response = await _server.Admin.GetAsync($"/admin/projects/{id}/domains/{domainId}");
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString().ShouldBe("active");

        var (taken, _, takenErr) = await TesseraProcess.RunAsync(["projects", "domains", "add", "default", hostname], environment);
        taken.ShouldBe(1);
        takenErr.ShouldContain("project_conflict");
    }

    private static string NewSlug() => "cli" + Guid.NewGuid().ToString("N")[..8];

    private async Task<(string Slug, string Id)> NewProjectAsync()
    {
        var slug = NewSlug();
        var (created, id, createErr) = await RunAsync("projects", "create", "--name", "cli", "--slug", slug);
        created.ShouldBe(0, createErr);
        return (slug, id.Trim());
    }

    private async Task<JsonElement> AdminConfigAsync(string id)
    {
        using var response = await _server.Admin.GetAsync($"/admin/projects/{id}/config");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<string> StoredOverlayAsync(string id)
    {
        await using var connection = await _server.Services.GetRequiredService<Database>().OpenAsync();
        return await connection.QuerySingleAsync<string>("SELECT overlay FROM project_config_overlays WHERE nid = @Nid", new { Nid = Guid.Parse(id) });
    }

    private Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(params string[] args) =>
        TesseraProcess.RunAsync(args, _environment);
}
