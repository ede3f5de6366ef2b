// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Configuration;
using Tessera.Configuration.Keys;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Configuration;

/// <summary>
/// docs/compatibility.md is generated from Kratos's OpenAPI document and configuration schema (copies in
/// tests/Tessera.Tests/TestData/reference), the endpoints the running server maps, and KeyTable; the committed file
/// must equal it. Regenerate: <c>TESSERA_UPDATE_DOCS=1 dotnet test tests/Tessera.IntegrationTests -c Release
/// --no-build --filter FullyQualifiedName~CompatibilityDocTests</c>.
/// </summary>
public sealed class CompatibilityDocTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    [Fact]
    public void Docs_CommittedCompatibilityMd_MatchesTheEndpointsAndTheKeyTable()
    {
        var generated = CompatibilityMarkdown.Generate(OpenApi(), SchemaKeys(), fixture.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints);
        var file = Path.Combine(Root(), "docs", "compatibility.md");
        if (Environment.GetEnvironmentVariable("TESSERA_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(file, generated);
        }

        generated.ShouldContain("| GET | `/sessions/whoami` | toSession | implemented |");
        generated.ShouldContain("| `ciphers.algorithm` | implemented |");
        generated.ShouldNotContain("not in the table");
        // Regenerate with TESSERA_UPDATE_DOCS=1 and this test when it fails.
        File.ReadAllText(file).ShouldBe(generated);
    }

    [Fact]
    public void KeyTable_EveryKratosKeyTheServerReads_IsMarkedImplemented()
    {
        var read = fixture.Server.Services.GetRequiredService<ConfigurationTree>().ReadKeys;

        var misfiled = SchemaKeys()
            .Where(key => read.Any(r => r == key || key.StartsWith(r + ".", StringComparison.Ordinal) || r.StartsWith(key + ".", StringComparison.Ordinal)))
            .Where(key => KeyTable.Find(key)?.Status != KeyStatus.Implemented)
            .ToList();

        // A key the server reads is implemented: update its row in src/Tessera/Configuration/Keys/KeyTable.cs.
        misfiled.ShouldBeEmpty();
    }

    private static JsonObject OpenApi() => (JsonObject)JsonNode.Parse(File.ReadAllText(Reference("kratos-openapi.json")))!;

    private static IReadOnlyList<string> SchemaKeys() =>
        KratosConfigSchemaKeys.Flatten((JsonObject)JsonNode.Parse(File.ReadAllText(Reference("kratos-config.schema.json")))!);

    private static string Reference(string name) => Path.Combine(KratosQuickstartFiles.Reference, name);

    private static string Root() => KratosQuickstartFiles.RepositoryRoot;
}
