// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Hosting;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Hosting;

/// <summary>docs/admin-api.md lists exactly the paths the admin listener maps.</summary>
public sealed class AdminApiReferenceTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    [Fact]
    public void Docs_CommittedAdminApiMd_MatchesTheMappedEndpoints()
    {
        var generated = AdminApiReferenceMarkdown.Generate(fixture.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints);
        var file = Path.Combine(RepositoryRoot(), "docs", "admin-api.md");
        if (Environment.GetEnvironmentVariable("TESSERA_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(file, generated);
        }

        generated.ShouldContain("| PATCH | `/admin/identities` | BatchPatchIdentities |");
        generated.ShouldNotContain("`/console");
        // Regenerate with TESSERA_UPDATE_DOCS=1 and this test when it fails.
        File.ReadAllText(file).ShouldBe(generated);
    }

    private static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Tessera.sln")))
        {
            root = root.Parent!;
        }

        return root.FullName;
    }
}
