// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json.Nodes;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.Projects.ProjectConfigTests;
using static Tessera.IntegrationTests.Projects.ProjectHosts;

namespace Tessera.IntegrationTests.Projects;

/// <summary>
/// Issue 21: a stored overlay that no longer binds after a restart with another file answers
/// <c>project_config_unusable</c> (never the file's value, never a bare 500) until PATCH repairs it.
/// </summary>
public abstract class ProjectConfigUnusableTests(DatabaseKind kind)
{
    private const string LoginHooks = "selfservice.flows.login.after.hooks";

    [Fact]
    public async Task RestartWithAFileThatNoLongerAcceptsTheOverlay_AnswersProjectConfigUnusable_JsonAndHtml_AndPatchRepairsIt()
    {
        // The file's login chain posts a body read from a server file; the project's overlay keeps that very body
        // (allowed: it is the file's own value) with its own URL. A restart without the file's chain leaves the
        // overlay naming a server file by itself, which an overlay may not.
        var template = Path.Combine(Path.GetTempPath(), $"tessera-body-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(template, """{"email":"{{identity.traits.email}}"}""");
        try
        {
            string dsn;
            Guid projectId;
            string projectHost;
            await using (var before = await TesseraTestServer.StartAsync(kind, Settings(new Dictionary<string, string>
            {
                [LoginHooks] = Chain("http://127.0.0.1:9/file", template),
            })))
            {
                dsn = before.Dsn;
                (projectId, projectHost) = await CreateProjectAsync(before);
                using var patched = await PatchAsync(before, projectId,
                    """{"selfservice":{"flows":{"login":{"after":{"hooks":""" + Chain("http://127.0.0.1:9/project", template) + "}}}}}");
                await JsonAsync(patched, HttpStatusCode.OK);
            }

            await using var server = await TesseraTestServer.StartAsync(kind, Settings(), dsn: dsn);

            using var json = await GetAsync(server, projectHost, "/self-service/login/api");
            using var html = await GetAsync(server, projectHost, "/self-service/login/browser", accept: "text/html");
            using var otherProject = await GetAsync(server, BaseDomain, "/self-service/login/api");
            var config = await GetConfigAsync(server, projectId);

            var error = (await JsonAsync(json, HttpStatusCode.InternalServerError)).GetProperty("error");
            error.GetProperty("id").GetString().ShouldBe("project_config_unusable");
            error.GetProperty("reason").GetString()!.ShouldContain("version 1");
            error.GetProperty("reason").GetString()!.ShouldNotContain("config.body"); // the key is the operator's log's, not the end user's
            EmittedIds.ErrorIds.ShouldContain("project_config_unusable");
            html.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await html.Content.ReadAsStringAsync());
            html.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("project_config_unusable");
            var containerId = html.Headers.Location!.OriginalString.Split("id=")[1];
            using var container = await GetAsync(server, projectHost, $"/self-service/errors?id={containerId}");
            (await JsonAsync(container, HttpStatusCode.OK)).GetProperty("error").GetProperty("id").GetString().ShouldBe("project_config_unusable");
            using var page = await GetAsync(server, projectHost, html.Headers.Location.OriginalString, accept: "text/html");
            var pageHtml = await page.Content.ReadAsStringAsync();
            page.StatusCode.ShouldBe(HttpStatusCode.OK, pageHtml);
            pageHtml.ShouldContain("project_config_unusable");
            otherProject.StatusCode.ShouldBe(HttpStatusCode.OK);
            config.GetProperty("version").GetInt64().ShouldBe(1);

            using var repaired = await PatchAsync(server, projectId, """{"selfservice":{"flows":{"login":{"after":{"hooks":null}}}}}""");
            await JsonAsync(repaired, HttpStatusCode.OK);
            using var after = await GetAsync(server, projectHost, "/self-service/login/api");
            after.StatusCode.ShouldBe(HttpStatusCode.OK, await after.Content.ReadAsStringAsync());
        }
        finally
        {
            File.Delete(template);
        }
    }

    private static string Chain(string url, string template) =>
        new JsonArray(new JsonObject
        {
            ["hook"] = "web_hook",
            ["config"] = new JsonObject { ["url"] = url, ["body"] = "file://" + template },
        }).ToJsonString();
}

public sealed class SqliteProjectConfigUnusableTests() : ProjectConfigUnusableTests(DatabaseKind.Sqlite);

public sealed class PostgresProjectConfigUnusableTests() : ProjectConfigUnusableTests(DatabaseKind.Postgres);
