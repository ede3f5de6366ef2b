// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.Projects.ProjectConfigTests;
using static Tessera.IntegrationTests.Projects.ProjectHosts;

namespace Tessera.IntegrationTests.Projects;

/// <summary>
/// Issue 21's "UI URLs" per project: a project's overlay sets a flow's <c>ui_url</c> or turns a flow off, and that
/// project's browser flows, built-in pages' links and Content-Security-Policy follow it; another project keeps the
/// file's values.
/// </summary>
public abstract class ProjectUiOptionsTests(DatabaseKind kind)
{
    private const string OwnRecoveryUi = "http://127.0.0.1:5999/recover";

    [Fact]
    public async Task Overlay_SetsRecoveryUiUrlAndTurnsRegistrationOff_OnlyThatProjectsFlowsAndPagesFollowIt()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings(new Dictionary<string, string> { ["selfservice.flows.recovery.enabled"] = "true" }));
        var (overlaidId, overlaid) = await CreateProjectAsync(server);
        var (_, other) = await CreateProjectAsync(server);
        using (var patched = await PatchAsync(server, overlaidId,
            """{"selfservice":{"flows":{"recovery":{"ui_url":"http://127.0.0.1:5999/recover"},"registration":{"enabled":false}}}}"""))
        {
            await JsonAsync(patched, HttpStatusCode.OK);
        }

        using var overlaidRecovery = await GetAsync(server, overlaid, "/self-service/recovery/browser", "text/html");
        using var otherRecovery = await GetAsync(server, other, "/self-service/recovery/browser", "text/html");
        var overlaidLogin = await LoginPageAsync(server, overlaid);
        var otherLogin = await LoginPageAsync(server, other);

        overlaidRecovery.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        overlaidRecovery.Headers.Location!.AbsoluteUri.ShouldStartWith(OwnRecoveryUi + "?flow=");
        otherRecovery.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        otherRecovery.Headers.Location!.AbsolutePath.ShouldBe("/ui/recovery");
        overlaidLogin.Csp.ShouldContain("http://127.0.0.1:5999");
        otherLogin.Csp.ShouldNotContain("http://127.0.0.1:5999");
        overlaidLogin.Html.ShouldNotContain("id=\"link-registration\"");
        overlaidLogin.Html.ShouldContain("id=\"link-recovery\"");
        otherLogin.Html.ShouldContain("id=\"link-registration\"");
    }
}

public sealed class SqliteProjectUiOptionsTests() : ProjectUiOptionsTests(DatabaseKind.Sqlite);

public sealed class PostgresProjectUiOptionsTests() : ProjectUiOptionsTests(DatabaseKind.Postgres);
