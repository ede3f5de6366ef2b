// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.Errors.Occurrences.OccurrenceTestSteps;

namespace Tessera.IntegrationTests.OperatorConsole.Errors;

/// <summary>The console's error dashboard: what users hit shows up (written by the background writer), with its drill-down.</summary>
public abstract class ErrorDashboardTests(DatabaseKind kind)
{
    [Fact]
    public async Task DisabledIdentitySignIn_ShowsOnTheDashboardWithinAMinute_AndInItsDrillDown()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var email = $"dash-{Guid.NewGuid():N}@example.org";
        const string password = "dashboard passphrase 4242";
        var identity = await TestIdentities.CreateAsync(server, email, password);
        using (var disable = await server.Admin.PatchAsync($"/admin/identities/{identity}",
            JsonContent.Create(new[] { new { op = "replace", path = "/state", value = "inactive" } })))
        {
            disable.StatusCode.ShouldBe(HttpStatusCode.OK, await disable.Content.ReadAsStringAsync());
        }

        var flow = await CreateApiFlowAsync(server, "login");
        using (var attempt = await SubmitLoginAsync(server, flow, email, password, "dash-request-1"))
        {
            attempt.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        using var browser = new ConsoleBrowser(server);
        await browser.SignInAsync(null);

        // No flush: the background writer stores the occurrence on its own.
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1);
        var dashboard = await browser.PageAsync("/console/errors?window=hour");
        // The page reads its table and its chart with separate queries, so a poll that ran while the writer stored the
        // occurrence can show it in one and not yet in the other: wait for both.
        while (!(dashboard.Contains("data-code=\"4010011\"", StringComparison.Ordinal) && dashboard.Contains("data-count=\"1\"", StringComparison.Ordinal))
            && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(200);
            dashboard = await browser.PageAsync("/console/errors?window=hour");
        }

        dashboard.ShouldContain("data-code=\"4010011\"");
        dashboard.ShouldContain("<svg");
        dashboard.ShouldContain("data-count=\"1\"");
        dashboard.ShouldContain("POST /self-service/login");
        dashboard.ShouldContain("href=\"/console/errors/4010011?window=hour\"");
        dashboard.ShouldContain("<td>login</td>");
        dashboard.ShouldNotContain("<script", Case.Insensitive);
        dashboard.ShouldNotContain(email);

        var drillDown = await browser.PageAsync("/console/errors/4010011?window=hour");
        drillDown.ShouldContain("dash-request-1");
        drillDown.ShouldContain(flow.ToString("D"));
        drillDown.ShouldContain("<svg");
        drillDown.ShouldNotContain(email);
        drillDown.ShouldNotContain(password);
    }

    [Fact]
    public async Task Dashboard_InGerman_AndEveryWindow_Renders()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        using var browser = new ConsoleBrowser(server);
        await browser.SignInAsync(null);

        foreach (var window in new[] { "hour", "day", "week" })
        {
            var page = await browser.PageAsync($"/console/errors?window={window}&lang=de");
            page.ShouldContain($"href=\"/console/errors?window={window}\" aria-current=\"page\"");
            page.ShouldContain("Ablauf-Trichter");
        }
    }

    [Fact]
    public async Task Dashboard_WithoutWindow_MarksTheDefaultDayLinkCurrent()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        using var browser = new ConsoleBrowser(server);
        await browser.SignInAsync(null);

        var page = await browser.PageAsync("/console/errors");

        page.ShouldContain("href=\"/console/errors?window=day\" aria-current=\"page\"");
        page.ShouldNotContain("href=\"/console/errors?window=hour\" aria-current");
        page.ShouldNotContain("href=\"/console/errors?window=week\" aria-current");
    }

    [Fact]
    public async Task DrillDown_WithoutConsoleSession_GoesToSignIn()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        using var browser = new ConsoleBrowser(server);

        using var response = await browser.GetAsync("/console/errors/4000006");

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        response.Headers.Location!.OriginalString.ShouldStartWith("/console/sign-in");
    }
}

public sealed class SqliteErrorDashboardTests() : ErrorDashboardTests(DatabaseKind.Sqlite);

public sealed class PostgresErrorDashboardTests() : ErrorDashboardTests(DatabaseKind.Postgres);
