// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.OpenApi;

/// <summary>
/// Issue 22: the OpenAPI document generated from Tessera's endpoints is served at <c>/openapi/v1.json</c> on both
/// listeners, docs/openapi.json is that document (regenerate: <c>TESSERA_UPDATE_DOCS=1 dotnet test
/// tests/Tessera.IntegrationTests -c Release --no-build --filter FullyQualifiedName~OpenApiDocumentTests</c>), and every
/// operation of Kratos's API that Tessera implements keeps Kratos's shape: the same method and path, and no status
/// Kratos does not document for it (compared with the copy of Kratos's document in tests/Tessera.Tests/TestData/reference).
/// </summary>
public sealed partial class OpenApiDocumentTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    [Fact]
    public async Task BothListeners_ServeTheSameDocument()
    {
        var fromPublic = await FetchAsync(fixture.Server.Public);
        var fromAdmin = await FetchAsync(fixture.Server.Admin);

        fromPublic["openapi"]!.GetValue<string>().ShouldStartWith("3.");
        fromPublic["info"]!["title"]!.GetValue<string>().ShouldBe("Tessera");
        Pretty(fromAdmin).ShouldBe(Pretty(fromPublic));
        var paths = fromPublic["paths"]!.AsObject();
        paths.ShouldContainKey("/sessions/whoami");
        paths.ShouldContainKey("/admin/identities");
        paths.ShouldContainKey("/oauth2/token");

        // The operator console's HTML pages are no API: neither its sign-in door nor a page behind it is described.
        paths.Select(p => p.Key).ShouldNotContain(p => p.StartsWith("/console", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Docs_CommittedOpenApiJson_MatchesTheServedDocument()
    {
        var generated = Pretty(await FetchAsync(fixture.Server.Public)) + "\n";
        var file = Path.Combine(KratosQuickstartFiles.RepositoryRoot, "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable("TESSERA_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(file, generated);
        }

        // Regenerate with TESSERA_UPDATE_DOCS=1 and this test when it fails.
        File.ReadAllText(file).ShouldBe(generated);
    }

    [Fact]
    public async Task EveryKratosOperationTesseraImplements_KeepsKratosMethodPathAndStatuses()
    {
        var document = await FetchAsync(fixture.Server.Public);
        var ours = Operations(document);
        var kratos = Operations(JsonNode.Parse(File.ReadAllText(Path.Combine(KratosQuickstartFiles.Reference, "kratos-openapi.json")))!);

        var implemented = kratos.Keys.Where(ours.ContainsKey).ToList();
        implemented.Count.ShouldBeGreaterThan(40);
        var problems = new List<string>();
        foreach (var key in implemented)
        {
            var extra = ours[key].Except(kratos[key]).Where(s => s != "default").ToList();
            if (extra.Count > 0)
            {
                problems.Add($"{key}: Tessera documents {string.Join(", ", extra)}, Kratos only {string.Join(", ", kratos[key])}");
            }
        }

        problems.ShouldBeEmpty();
    }

    // "GET /admin/identities/{}" -> the documented response statuses.
    private static Dictionary<string, HashSet<string>> Operations(JsonNode document)
    {
        var operations = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var method in Methods.Where(m => item?[m] is not null))
            {
                var statuses = item![method]!["responses"]?.AsObject().Select(r => r.Key).ToHashSet(StringComparer.Ordinal) ?? [];
                operations[$"{method.ToUpperInvariant()} {Parameter().Replace(path, "{}")}"] = statuses;
            }
        }

        return operations;
    }

    private static async Task<JsonNode> FetchAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/openapi/v1.json");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!;
    }

    private static string Pretty(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
