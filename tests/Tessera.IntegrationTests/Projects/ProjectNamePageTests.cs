// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.Projects.ProjectHosts;

namespace Tessera.IntegrationTests.Projects;

/// <summary>The built-in pages name the project their host serves (HTML-encoded), and never another; the default project's stay as before.</summary>
public sealed class ProjectNamePageTests
{
    [Fact]
    public async Task LoginPage_OfTwoProjectsByHost_ShowsEachItsOwnName_Encoded()
    {
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, Settings());
        var acme = await CreateNamedProjectAsync(server, "Acme <script>alert(1)</script> & Sons");
        var globex = await CreateNamedProjectAsync(server, "Globex \"Login\"");

        var acmePage = await LoginPageAsync(server, acme);
        var globexPage = await LoginPageAsync(server, globex);
        var defaultPage = await LoginPageAsync(server, DefaultHost);

        acmePage.ShouldContain("<header class=\"project\">Acme &lt;script&gt;alert(1)&lt;/script&gt; &amp; Sons</header>");
        acmePage.ShouldContain("· Acme &lt;script&gt;alert(1)&lt;/script&gt; &amp; Sons</title>");
        acmePage.ShouldNotContain("<script>");
        acmePage.ShouldNotContain("Globex");
        globexPage.ShouldContain("<header class=\"project\">Globex &quot;Login&quot;</header>");
        globexPage.ShouldNotContain("Acme");
        defaultPage.ShouldContain("· Tessera</title>");
        defaultPage.ShouldNotContain("<header class=\"project\">");
    }

    private static async Task<string> CreateNamedProjectAsync(TesseraTestServer server, string name)
    {
        var slug = Slug();
        using var response = await server.Admin.PostAsJsonAsync("/admin/projects", new { name, slug });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return $"{slug}.{BaseDomain}";
    }

    // A browser on that host: the login init endpoint redirects to the built-in page and sets the CSRF cookie it needs.
    private static async Task<string> LoginPageAsync(TesseraTestServer server, string host)
    {
        using var started = await GetAsync(server, host, "/self-service/login/browser", "text/html");
        started.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await started.Content.ReadAsStringAsync());
        using var request = new HttpRequestMessage(HttpMethod.Get, started.Headers.Location!.PathAndQuery);
        request.Headers.Host = host;
        request.Headers.Accept.ParseAdd("text/html");
        request.Headers.Add("Cookie", string.Join("; ", started.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        using var page = await server.Public.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();
        page.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return html;
    }
}
