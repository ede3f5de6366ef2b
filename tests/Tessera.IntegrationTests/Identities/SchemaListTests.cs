// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Identities;

/// <summary><c>GET /schemas</c> pages like every list (Kratos): Link and X-Total-Count, keyset or page / per_page.</summary>
public sealed class SchemaListTests
{
    private const string Schema = """
        {"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{"traits":{"type":"object",
         "properties":{"email":{"type":"string","format":"email","ory.sh/kratos":{"credentials":{"password":{"identifier":true}}}}}}}}
        """;

    [Fact]
    public async Task ListIdentitySchemas_PagesWithLinkAndTotal_OnBothListeners()
    {
        var url = "base64://" + Convert.ToBase64String(Encoding.UTF8.GetBytes(Schema));
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string>
        {
            ["identity.schemas"] = $$"""[{"id":"customer","url":"{{url}}"},{"id":"employee","url":"{{url}}"},{"id":"partner","url":"{{url}}"}]""",
            ["identity.default_schema_id"] = "customer",
        });

        foreach (var client in new[] { server.Public, server.Admin })
        {
            using var first = await client.GetAsync("/schemas?page_size=2");
            var next = first.Headers.GetValues("Link").Single(l => l.EndsWith("rel=\"next\"", StringComparison.Ordinal));
            using var second = await client.GetAsync(next[1..next.IndexOf('>', StringComparison.Ordinal)]);
            using var legacy = await client.GetAsync("/schemas?page=1&per_page=1");

            first.Headers.GetValues("X-Total-Count").Single().ShouldBe("3");
            first.Headers.GetValues("Link").ShouldContain("</schemas?page_size=2>; rel=\"first\"");
            (await IdsOf(first)).ShouldBe(["customer", "employee"]);
            (await IdsOf(second)).ShouldBe(["partner"]);
            second.Headers.GetValues("Link").ShouldNotContain(l => l.Contains("rel=\"next\""));
            (await IdsOf(legacy)).ShouldBe(["employee"]);
            legacy.Headers.GetValues("X-Total-Count").Single().ShouldBe("3");
        }
    }

    private static async Task<List<string>> IdsOf(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(s => s!["id"]!.GetValue<string>()).ToList();
    }
}
