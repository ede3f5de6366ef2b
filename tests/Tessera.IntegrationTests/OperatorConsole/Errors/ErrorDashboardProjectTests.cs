// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.Errors.Occurrences.OccurrenceTestSteps;
using static Tessera.IntegrationTests.Projects.ProjectHosts;

namespace Tessera.IntegrationTests.OperatorConsole.Errors;

/// <summary>The error dashboard's project switch (<c>?project=</c> a slug or an id): each project shows only its own occurrences.</summary>
public abstract class ErrorDashboardProjectTests(DatabaseKind kind)
{
    private const string InvalidCredentials = "4000006";

    [Fact]
    public async Task Dashboard_ForEachProject_ShowsOnlyItsOwnCounts_AndTheDefaultViewIsUnchanged()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings());
        var (oneId, oneHost) = await CreateProjectAsync(server);
        var (_, twoHost) = await CreateProjectAsync(server);
        var oneSlug = oneHost.Split('.')[0];
        var twoSlug = twoHost.Split('.')[0];
        using (var named = await server.Admin.PostAsJsonAsync("/admin/projects", new { name = "R&D <beta>", slug = Slug() }))
        {
            named.StatusCode.ShouldBe(HttpStatusCode.Created, await named.Content.ReadAsStringAsync());
        }

        await WrongPasswordAsync(server, oneHost);
        await WrongPasswordAsync(server, twoHost);
        await WrongPasswordAsync(server, twoHost);
        await FlushAsync(server);
        using var browser = new ConsoleBrowser(server);
        await browser.SignInAsync(null);

        var one = await browser.PageAsync($"/console/errors?window=hour&project={oneSlug}");
        var two = await browser.PageAsync($"/console/errors?window=hour&project={twoSlug}");
        var byId = await browser.PageAsync($"/console/errors?window=hour&project={oneId}");
        var fallback = await browser.PageAsync("/console/errors?window=hour");

        one.ShouldContain($"data-code=\"{InvalidCredentials}\"");
        one.ShouldContain("data-count=\"1\"");
        one.ShouldNotContain("data-count=\"2\"");
        one.ShouldContain($"href=\"/console/errors/{InvalidCredentials}?window=hour&amp;project={oneSlug}\"");
        one.ShouldContain($"href=\"/console/errors?window=day&amp;project={oneSlug}\"");
        one.ShouldContain($"href=\"/console/errors?window=hour\" data-project=\"default\"");
        one.ShouldContain($"data-project=\"{oneSlug}\" aria-current=\"page\"");
        one.ShouldContain("R&amp;D &lt;beta&gt;");
        one.ShouldNotContain("<script", Case.Insensitive);
        two.ShouldContain("data-count=\"2\"");
        two.ShouldNotContain("data-count=\"1\"");
        byId.ShouldContain("data-count=\"1\"");
        fallback.ShouldNotContain($"data-code=\"{InvalidCredentials}\"");
        fallback.ShouldContain("href=\"/console/errors?window=hour\" aria-current=\"page\"");
        fallback.ShouldContain("data-project=\"default\" aria-current=\"page\"");

        var drillDown = await browser.PageAsync($"/console/errors/{InvalidCredentials}?window=hour&project={twoSlug}");
        drillDown.ShouldContain("data-count=\"2\"");
        drillDown.ShouldContain($"href=\"/console/errors?window=hour&amp;project={twoSlug}\"");
        drillDown.ShouldContain($"href=\"/console/errors/{InvalidCredentials}?window=week&amp;project={twoSlug}\"");
        (await browser.PageAsync($"/console/errors/{InvalidCredentials}?window=hour")).ShouldNotContain("data-count=\"1\"");
    }

    [Fact]
    public async Task Dashboard_WithOnlyTheDefaultProject_ShowsNoProjectSwitch()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        using var browser = new ConsoleBrowser(server);
        await browser.SignInAsync(null);

        var page = await browser.PageAsync("/console/errors?project=default");

        page.ShouldNotContain("data-project=");
        page.ShouldContain("href=\"/console/errors?window=day\" aria-current=\"page\"");
    }

    [Theory]
    [InlineData("/console/errors?project=nosuchproject")]
    [InlineData("/console/errors/4000006?window=hour&project=00000000-0000-0000-0000-000000000001")]
    public async Task UnknownProject_IsTheConsolesNotFoundPage(string path)
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        using var browser = new ConsoleBrowser(server);
        await browser.SignInAsync(null);

        using var response = await browser.GetAsync(path);

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, html);
        ConsoleBrowser.ErrorIdOf(html).ShouldBe("project_not_found");
    }

    private static async Task WrongPasswordAsync(TesseraTestServer server, string host)
    {
        var flow = await NewApiFlowAsync(server, host, "login");
        using var attempt = await SendAsync(server, host, HttpMethod.Post, $"/self-service/login?flow={flow.GetProperty("id").GetString()}",
            new { method = "password", identifier = $"nobody-{Guid.NewGuid():N}@example.org", password = "not the password 4242" });
        attempt.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await attempt.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteErrorDashboardProjectTests() : ErrorDashboardProjectTests(DatabaseKind.Sqlite);

public sealed class PostgresErrorDashboardProjectTests() : ErrorDashboardProjectTests(DatabaseKind.Postgres);
