// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.Projects.ProjectConfigTests;
using static Tessera.IntegrationTests.Projects.ProjectHosts;

namespace Tessera.IntegrationTests.OperatorConsole;

/// <summary>
/// The console's identities, sessions and courier pages per project (<c>?project=</c> a slug or an id, as the error
/// dashboard): each shows only that project's rows, keeps the project in its links, forms and redirects, and acts in it.
/// </summary>
public abstract class ConsoleProjectPagesTests(DatabaseKind kind)
{
    private const string Password = "correct horse battery staple 21";

    [Fact]
    public async Task IdentitiesSessionsCourier_OfProjectB_ShowUnderItsProjectOnly_AndActionsActInIt()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings(new Dictionary<string, string> { ["selfservice.flows.recovery.enabled"] = "true" }));
        var (offId, offHost) = await CreateProjectAsync(server);
        var (bId, bHost) = await CreateProjectAsync(server);
        var offSlug = offHost.Split('.')[0];
        var bSlug = bHost.Split('.')[0];
        using (var patched = await PatchAsync(server, offId, """{"selfservice":{"flows":{"recovery":{"enabled":false}}}}"""))
        {
            await JsonAsync(patched, HttpStatusCode.OK);
        }

        var bEmail = $"b-{Guid.NewGuid():N}@example.com";
        var offEmail = $"off-{Guid.NewGuid():N}@example.com";
        var b = await CreateIdentityAsync(server, bId, bEmail, Password);
        var off = await CreateIdentityAsync(server, offId, offEmail, Password);
        var session = await SignInAsync(server, bHost, bEmail);
        using var console = new ConsoleBrowser(server);
        await console.SignInAsync(null);

        var inB = await console.PageAsync($"/console/identities?identifier={bEmail}&project={bSlug}");
        var byId = await console.PageAsync($"/console/identities?identifier={bEmail}&project={bId}");
        var inDefault = await console.PageAsync($"/console/identities?identifier={bEmail}");
        var inOther = await console.PageAsync($"/console/identities?identifier={bEmail}&project={offSlug}");
        using var detailWithout = await console.GetAsync($"/console/identities/{b}");
        var detail = await console.PageAsync($"/console/identities/{b}?project={bSlug}");
        var sessionsInB = await console.PageAsync($"/console/sessions?project={bSlug}");
        var sessionsInDefault = await console.PageAsync("/console/sessions");
        using var sent = await console.SubmitAsync($"/console/identities/{b}/recovery-code?project={bSlug}");
        using var refused = await console.SubmitAsync($"/console/identities/{off}/recovery-code?project={offSlug}");
        var courierInB = await console.PageAsync($"/console/courier?project={bSlug}");
        var courierInDefault = await console.PageAsync("/console/courier");

        inB.ShouldContain($"data-identity-id=\"{b}\"");
        inB.ShouldContain($"href=\"/console/identities/{b}?project={bSlug}\"");
        inB.ShouldContain($"data-project=\"{bSlug}\" aria-current=\"page\"");
        inB.ShouldContain($"href=\"/console/identities\" data-project=\"default\"");
        inB.ShouldContain($"name=\"project\" value=\"{bSlug}\"");
        byId.ShouldContain($"data-identity-id=\"{b}\"");
        inDefault.ShouldNotContain($"data-identity-id=\"{b}\"");
        inDefault.ShouldContain("data-project=\"default\" aria-current=\"page\"");
        inOther.ShouldNotContain($"data-identity-id=\"{b}\"");
        detailWithout.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ConsoleBrowser.ErrorIdOf(await detailWithout.Content.ReadAsStringAsync()).ShouldBe("identity_not_found");
        detail.ShouldContain($"action=\"/console/identities/{b}/disable?project={bSlug}\"");
        detail.ShouldContain($"data-session-id=\"{session}\"");
        sessionsInB.ShouldContain($"data-session-id=\"{session}\"");
        sessionsInB.ShouldContain($"action=\"/console/sessions/{session}/revoke?project={bSlug}\"");
        sessionsInDefault.ShouldNotContain($"data-session-id=\"{session}\"");
        sent.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await sent.Content.ReadAsStringAsync());
        sent.Headers.Location!.OriginalString.ShouldBe($"/console/identities/{b}?done=recovery_sent&project={bSlug}");
        ConsoleBrowser.ErrorIdOf(await refused.Content.ReadAsStringAsync()).ShouldBe("self_service_flow_disabled");
        courierInB.ShouldContain(bEmail);
        courierInB.ShouldContain($"href=\"/console/courier?status=queued&amp;project={bSlug}\"");
        courierInDefault.ShouldNotContain(bEmail);
    }

    [Theory]
    [InlineData("/console/identities?project=nosuchproject")]
    [InlineData("/console/identities/00000000-0000-0000-0000-000000000002?project=nosuchproject")]
    [InlineData("/console/sessions?project=00000000-0000-0000-0000-000000000001")]
    [InlineData("/console/courier?project=nosuchproject")]
    public async Task UnknownProject_IsTheConsolesNotFoundPage(string path)
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        using var console = new ConsoleBrowser(server);
        await console.SignInAsync(null);

        using var response = await console.GetAsync(path);

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, html);
        ConsoleBrowser.ErrorIdOf(html).ShouldBe("project_not_found");
    }

    private static async Task<Guid> SignInAsync(TesseraTestServer server, string host, string email)
    {
        var flow = await NewApiFlowAsync(server, host, "login");
        using var signedIn = await SendAsync(server, host, HttpMethod.Post, $"/self-service/login?flow={flow.GetProperty("id").GetString()}",
            new { method = "password", identifier = email, password = Password });
        return (await JsonAsync(signedIn, HttpStatusCode.OK)).GetProperty("session").GetProperty("id").GetGuid();
    }
}

public sealed class SqliteConsoleProjectPagesTests() : ConsoleProjectPagesTests(DatabaseKind.Sqlite);

public sealed class PostgresConsoleProjectPagesTests() : ConsoleProjectPagesTests(DatabaseKind.Postgres);
