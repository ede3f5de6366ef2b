// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tessera.IntegrationTests.Fixtures;
using Xunit.Abstractions;

namespace Tessera.IntegrationTests.Identities;

/// <summary>Keyset pagination over 10,000 identities: every identity exactly once, following the Link header.</summary>
public abstract partial class IdentityListingTests(DatabaseKind kind, ITestOutputHelper output)
{
    private const int Count = 10_000;

    [Fact]
    public async Task List_10000IdentitiesPageByPage_ReturnsEachExactlyOnce()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, IdentitiesServer.FastHashing);
        var seedWatch = Stopwatch.StartNew();
        var created = new HashSet<string>();
        for (var batch = 0; batch < Count / 1000; batch++)
        {
            var patches = new JsonArray(Enumerable.Range(0, 1000).Select(i => (JsonNode)new JsonObject
            {
                ["create"] = new JsonObject { ["schema_id"] = "default", ["traits"] = new JsonObject { ["email"] = $"u{batch}-{i}@list.example" } },
            }).ToArray());
            var response = await server.Admin.PatchAsJsonAsync("/admin/identities", new JsonObject { ["identities"] = patches });
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            foreach (var item in (await response.Content.ReadFromJsonAsync<JsonObject>())!["identities"]!.AsArray())
            {
                item!["action"]!.ToString().ShouldBe("create");
                created.Add(item["identity"]!.ToString());
            }
        }

        seedWatch.Stop();
        var listWatch = Stopwatch.StartNew();
        var seen = new List<string>();
        var next = "/admin/identities?page_size=500";
        var pages = 0;
        while (next is not null)
        {
            var response = await server.Admin.GetAsync(next);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            seen.AddRange((await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(i => i!["id"]!.ToString()));
            var link = string.Join(",", response.Headers.GetValues("Link"));
            link.ShouldContain("rel=\"first\"");
            var match = NextLink().Match(link);
            next = match.Success ? match.Groups["url"].Value : null;
            pages++;
        }

        listWatch.Stop();
        output.WriteLine($"{kind}: seeded {Count} in {seedWatch.ElapsedMilliseconds} ms, listed in {pages} pages in {listWatch.ElapsedMilliseconds} ms");
        created.Count.ShouldBe(Count);
        seen.Count.ShouldBe(Count);
        seen.ToHashSet().SetEquals(created).ShouldBeTrue();
        pages.ShouldBe(Count / 500);
    }

    [GeneratedRegex("<(?<url>[^>]+)>; rel=\"next\"")]
    private static partial Regex NextLink();
}

public sealed class SqliteIdentityListingTests(ITestOutputHelper output) : IdentityListingTests(DatabaseKind.Sqlite, output);

public sealed class PostgresIdentityListingTests(ITestOutputHelper output) : IdentityListingTests(DatabaseKind.Postgres, output);
