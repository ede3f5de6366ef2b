// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.Projects.ProjectHosts;
using static Tessera.IntegrationTests.Projects.ProjectIdentitySchemaTests;

namespace Tessera.IntegrationTests.Projects;

/// <summary>
/// A project's <c>identity.schemas</c> overlay is validated as the file is, and loaded when written: a schema that does
/// not load, is not an identity schema, or names a file or URL the file does not list (a tenant must not make the server
/// read its files or call out) is refused 400 <c>project_config_invalid</c> naming the key, and nothing is stored.
/// </summary>
public sealed class ProjectIdentitySchemaOverlayTests
{
    private const string NotAnIdentitySchema = """{"type":"object"}""";

    private const string ExternalRef = """{"type":"object","properties":{"traits":{"$ref":"http://127.0.0.1:9/traits.json"}}}""";

    public static TheoryData<string, string, string> Refused => new()
    {
        { Schemas("base64://%%%not-base64%%%"), "identity.schemas", "invalid base64://" },
        { Schemas(Base64Url("this is not JSON")), "identity.schemas", "not valid JSON" },
        { Schemas("file:///etc/hostname"), "identity.schemas", "must be inline (base64://)" },
        { Schemas("http://127.0.0.1:9/identity.schema.json"), "identity.schemas", "must be inline (base64://)" },
        { Schemas(Base64Url(NotAnIdentitySchema)), "identity.schemas", "not an identity schema" },
        { Schemas(Base64Url(ExternalRef)), "identity.schemas", "only $ref its own definitions" },
        { $$$"""{"identity":{"schemas":[{"id":"member","url":"{{{Base64Url(MemberSchema)}}}"}],"default_schema_id":"staff"}}""", "identity.default_schema_id", "is not the id of a schema" },
    };

    private static string Schemas(string url) => $$$"""{"identity":{"schemas":[{"id":"member","url":"{{{url}}}"}]}}""";

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Patch_SchemaThatDoesNotLoadOrIsNotAllowed_Answers400NamingTheKey_AndStoresNothing(string patch, string key, string problem)
    {
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, Settings());
        var (projectId, projectHost) = await CreateProjectAsync(server);

        using var response = await ProjectConfigTests.PatchAsync(server, projectId, patch);

        var error = (await JsonAsync(response, HttpStatusCode.BadRequest)).GetProperty("error");
        error.GetProperty("id").GetString().ShouldBe("project_config_invalid");
        error.GetProperty("reason").GetString()!.ShouldContain(key);
        error.GetProperty("reason").GetString()!.ShouldContain(problem);
        (await ProjectConfigTests.GetConfigAsync(server, projectId)).GetProperty("version").GetInt64().ShouldBe(0);
        (await SchemaIdsAsync(server, projectHost)).ShouldBe(["default"]);
    }

    [Fact]
    public async Task Patch_AFileUrlTheConfigurationLists_IsAccepted_AnotherFileIsNot()
    {
        var listed = Path.Combine(Path.GetTempPath(), $"tessera-schema-{Guid.NewGuid():N}.json");
        var unlisted = Path.Combine(Path.GetTempPath(), $"tessera-schema-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(listed, MemberSchema);
        await File.WriteAllTextAsync(unlisted, MemberSchema);
        try
        {
            await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, Settings(new Dictionary<string, string>
            {
                ["identity.schemas"] = JsonSerializer.Serialize(new[]
                {
                    new { id = "default", url = "tessera://identity-schemas/default" },
                    new { id = "staff", url = "file://" + listed },
                }),
                ["identity.default_schema_id"] = "default",
            }));
            var (projectId, projectHost) = await CreateProjectAsync(server);

            using var other = await ProjectConfigTests.PatchAsync(server, projectId,
                $$$"""{"identity":{"schemas":[{"id":"staff","url":"file://{{{unlisted}}}"}],"default_schema_id":"staff"}}""");
            using var same = await ProjectConfigTests.PatchAsync(server, projectId,
                $$$"""{"identity":{"schemas":[{"id":"staff","url":"file://{{{listed}}}"}],"default_schema_id":"staff"}}""");

            (await JsonAsync(other, HttpStatusCode.BadRequest)).GetProperty("error").GetProperty("reason").GetString()!.ShouldContain("identity.schemas");
            await JsonAsync(same, HttpStatusCode.OK);
            (await SchemaIdsAsync(server, projectHost)).ShouldBe(["staff"]);
            (await SchemaIdsAsync(server, BaseDomain)).ShouldBe(["default", "staff"]);
        }
        finally
        {
            File.Delete(listed);
            File.Delete(unlisted);
        }
    }

    [Fact]
    public async Task Patch_NullRemovesTheSchemas_AndTheProjectReturnsToTheDefault()
    {
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, Settings());
        var (projectId, projectHost) = await CreateProjectAsync(server);
        using var set = await ProjectConfigTests.PatchAsync(server, projectId, MemberOverlay());
        await JsonAsync(set, HttpStatusCode.OK);
        var whileSet = await SchemaIdsAsync(server, projectHost);

        using var removed = await ProjectConfigTests.PatchAsync(server, projectId, """{"identity":null}""");

        await JsonAsync(removed, HttpStatusCode.OK);
        whileSet.ShouldBe(["member"]);
        (await SchemaIdsAsync(server, projectHost)).ShouldBe(["default"]);
        using var registered = await RegisterAsync(server, projectHost, new { email = $"n-{Guid.NewGuid():N}@example.com" });
        (await JsonAsync(registered, HttpStatusCode.OK)).GetProperty("identity").GetProperty("schema_id").GetString().ShouldBe("default");
    }
}
