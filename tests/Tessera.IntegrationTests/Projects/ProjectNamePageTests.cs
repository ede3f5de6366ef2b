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

        var acmePage = (await LoginPageAsync(server, acme)).Html;
        var globexPage = (await LoginPageAsync(server, globex)).Html;
        var defaultPage = (await LoginPageAsync(server, DefaultHost)).Html;

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
}
