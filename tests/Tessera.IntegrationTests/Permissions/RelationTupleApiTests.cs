// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.Permissions.KetoCalls;
using static Tessera.IntegrationTests.Permissions.PermissionCheckTests;

namespace Tessera.IntegrationTests.Permissions;

/// <summary>Keto's relationship API over real HTTP (writes on the admin listener, reads on the public one), on each database.</summary>
public abstract class RelationTupleApiTests(PermissionServer fixture)
{
    private TesseraTestServer Server => fixture.Server;

    private async Task<List<JsonObject>> ListAllAsync(string query)
    {
        var all = new List<JsonObject>();
        var token = string.Empty;
        do
        {
            var page = (await Server.Public.GetFromJsonAsync<JsonObject>($"/relation-tuples?{query}&page_size=2&page_token={token}"))!;
            all.AddRange(page["relation_tuples"]!.AsArray().Select(t => t!.AsObject()));
            token = page["next_page_token"]!.ToString();
        }
        while (token.Length > 0);
        return all;
    }

    [Fact]
    public async Task Put_SameTupleConcurrently_IsStoredOnce()
    {
        var id = Guid.NewGuid().ToString("N");
        var tuple = Tuple($"files:doc-{id}#view@erin");

        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await Server.Admin.PutAsJsonAsync("/admin/relation-tuples", tuple);
            return response.StatusCode;
        }));

        statuses.ShouldAllBe(s => s == HttpStatusCode.Created);
        (await ListAllAsync($"namespace=files&object=doc-{id}")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Put_AnswersCreatedWithTheTupleAndItsLocation()
    {
        var id = Guid.NewGuid().ToString("N");
        using var response = await Server.Admin.PutAsJsonAsync("/admin/relation-tuples", Tuple($"files:doc-{id}#view@groups:eng-{id}#member"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldStartWith("/relation-tuples?namespace=files");
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        body["subject_set"]!["object"]!.ToString().ShouldBe($"eng-{id}");
        body.ContainsKey("subject_id").ShouldBeFalse();
    }

    [Fact]
    public async Task List_PagesThroughEveryMatch_WithNextPageToken()
    {
        var id = Guid.NewGuid().ToString("N");
        await PatchAsync(Server, Enumerable.Range(0, 5).Select(i => $"files:doc-{id}#view@user-{i}"));
        await PutAsync(Server, $"files:doc-{id}#edit@user-0");

        var viewers = await ListAllAsync($"namespace=files&object=doc-{id}&relation=view");
        viewers.Select(t => t["subject_id"]!.ToString()).Order().ShouldBe(Enumerable.Range(0, 5).Select(i => $"user-{i}"));
        (await ListAllAsync($"namespace=files&subject_id=user-0&object=doc-{id}")).Count.ShouldBe(2);

        using var badToken = await Server.Public.GetAsync("/relation-tuples?namespace=files&page_token=nonsense");
        await ShouldBeErrorAsync(badToken, HttpStatusCode.BadRequest, "relation_query_invalid");
        using var unknown = await Server.Public.GetAsync("/relation-tuples?namespace=nope");
        await ShouldBeErrorAsync(unknown, HttpStatusCode.NotFound, "relation_namespace_unknown");
    }

    [Fact]
    public async Task Delete_WithQueryFilters_DeletesOnlyMatches()
    {
        var id = Guid.NewGuid().ToString("N");
        await PatchAsync(Server, [$"files:doc-{id}#view@frank", $"files:doc-{id}#edit@frank", $"files:doc-{id}#view@groups:g-{id}#member"]);

        using var deleted = await Server.Admin.DeleteAsync($"/admin/relation-tuples?namespace=files&object=doc-{id}&subject_id=frank");
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var bySet = await Server.Admin.DeleteAsync(
            $"/admin/relation-tuples?namespace=files&subject_set.namespace=groups&subject_set.object=g-{id}&subject_set.relation=member");
        bySet.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await ListAllAsync($"namespace=files&object=doc-{id}")).ShouldBeEmpty();

        using var everything = await Server.Admin.DeleteAsync("/admin/relation-tuples");
        await ShouldBeErrorAsync(everything, HttpStatusCode.BadRequest, "relation_query_invalid");
        using var partialSet = await Server.Admin.DeleteAsync("/admin/relation-tuples?namespace=files&subject_set.namespace=groups");
        await ShouldBeErrorAsync(partialSet, HttpStatusCode.BadRequest, "relation_query_invalid");
    }

    [Fact]
    public async Task Patch_InsertsAndDeletes_AllOrNothing()
    {
        var id = Guid.NewGuid().ToString("N");
        await PutAsync(Server, $"files:doc-{id}#view@gina");

        var patch = new JsonArray(
            new JsonObject { ["action"] = "delete", ["relation_tuple"] = Tuple($"files:doc-{id}#view@gina") },
            new JsonObject { ["action"] = "insert", ["relation_tuple"] = Tuple($"files:doc-{id}#view@hank") });
        using var applied = await Server.Admin.PatchAsJsonAsync("/admin/relation-tuples", patch);
        applied.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ListAllAsync($"namespace=files&object=doc-{id}")).Select(t => t["subject_id"]!.ToString()).ShouldBe(["hank"]);

        var refused = new JsonArray(
            new JsonObject { ["action"] = "insert", ["relation_tuple"] = Tuple($"files:doc-{id}#view@ivan") },
            new JsonObject { ["action"] = "insert", ["relation_tuple"] = Tuple($"nope:doc-{id}#view@ivan") });
        using var notFound = await Server.Admin.PatchAsJsonAsync("/admin/relation-tuples", refused);
        await ShouldBeErrorAsync(notFound, HttpStatusCode.NotFound, "relation_namespace_unknown");
        var badAction = new JsonArray(new JsonObject { ["action"] = "upsert", ["relation_tuple"] = Tuple($"files:doc-{id}#view@ivan") });
        using var badRequest = await Server.Admin.PatchAsJsonAsync("/admin/relation-tuples", badAction);
        await ShouldBeErrorAsync(badRequest, HttpStatusCode.BadRequest, "relation_tuple_invalid");
        (await ListAllAsync($"namespace=files&object=doc-{id}")).Select(t => t["subject_id"]!.ToString()).ShouldBe(["hank"]);
    }

    [Fact]
    public async Task Put_InvalidTuples_AnswerKetoStatuses()
    {
        using var both = await Server.Admin.PutAsJsonAsync("/admin/relation-tuples", new JsonObject
        {
            ["namespace"] = "files", ["object"] = "o", ["relation"] = "r", ["subject_id"] = "u",
            ["subject_set"] = new JsonObject { ["namespace"] = "groups", ["object"] = "g", ["relation"] = "member" },
        });
        await ShouldBeErrorAsync(both, HttpStatusCode.BadRequest, "relation_tuple_invalid");

        using var wrongType = await Server.Admin.PutAsJsonAsync("/admin/relation-tuples", new JsonObject { ["namespace"] = 5 });
        await ShouldBeErrorAsync(wrongType, HttpStatusCode.BadRequest, "relation_tuple_invalid");

        using var unknownSet = await Server.Admin.PutAsJsonAsync("/admin/relation-tuples", Tuple("files:o#r@nope:g#member"));
        await ShouldBeErrorAsync(unknownSet, HttpStatusCode.NotFound, "relation_namespace_unknown");

        using var onPublic = await Server.Public.PutAsJsonAsync("/admin/relation-tuples", Tuple("files:o#r@u"));
        onPublic.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Expand_BuildsKetosTree_AndNamespacesAreListed()
    {
        var id = Guid.NewGuid().ToString("N");
        await PatchAsync(Server, [$"files:doc-{id}#view@groups:g-{id}#member", $"files:doc-{id}#view@ivy", $"groups:g-{id}#member@jack"]);

        var tree = (await Server.Public.GetFromJsonAsync<JsonObject>($"/relation-tuples/expand?namespace=files&object=doc-{id}&relation=view&max-depth=3"))!;
        tree["type"]!.ToString().ShouldBe("union");
        var children = tree["children"]!.AsArray();
        children.Count.ShouldBe(2);
        var group = children.Single(c => c!["type"]!.ToString() == "union")!;
        group["children"]![0]!["tuple"]!["subject_id"]!.ToString().ShouldBe("jack");
        children.Single(c => c!["type"]!.ToString() == "leaf")!["tuple"]!["subject_id"]!.ToString().ShouldBe("ivy");

        using var empty = await Server.Public.GetAsync($"/relation-tuples/expand?namespace=files&object=none-{id}&relation=view");
        empty.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var namespaces = (await Server.Public.GetFromJsonAsync<JsonObject>("/namespaces"))!;
        namespaces["namespaces"]!.AsArray().Select(n => n!["name"]!.ToString()).ShouldBe(["files", "groups"]);
    }

    [Fact]
    public async Task DeleteIdentity_DeletesTuplesWithItsIdAsSubject_AndWhoamiListsThemOnRequest()
    {
        const string password = "a long enough passphrase 42";
        var email = $"perm-{Guid.NewGuid():N}@example.com";
        var identity = await TestIdentities.CreateAsync(Server, email, password);
        var other = await TestIdentities.CreateAsync(Server);
        var id = Guid.NewGuid().ToString("N");
        await PatchAsync(Server, [$"files:doc-{id}#view@{identity}", $"groups:g-{id}#member@{identity}", $"files:doc-{id}#view@{other}"]);

        var token = await LoginAsync(email, password);
        var plain = await WhoamiAsync(token, string.Empty);
        plain.ContainsKey("relation_tuples").ShouldBeFalse();
        var withRelations = await WhoamiAsync(token, "?include_relations=true");
        withRelations["identity"]!["id"]!.ToString().ShouldBe(identity.ToString());
        withRelations["relation_tuples"]!.AsArray().Select(t => t!["object"]!.ToString()).Order()
            .ShouldBe([$"doc-{id}", $"g-{id}"]);

        using var deleted = await Server.Admin.DeleteAsync($"/admin/identities/{identity}");
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await ListAllAsync($"namespace=files&object=doc-{id}")).Select(t => t["subject_id"]!.ToString()).ShouldBe([other.ToString()]);
        (await ListAllAsync($"namespace=groups&object=g-{id}")).ShouldBeEmpty();
        (await AllowedAsync(Server, $"files:doc-{id}#view@{identity}")).ShouldBeFalse();
    }

    private async Task<string> LoginAsync(string email, string password)
    {
        using var flowResponse = await Server.Public.GetAsync("/self-service/login/api");
        using var flow = JsonDocument.Parse(await flowResponse.Content.ReadAsStringAsync());
        var flowId = flow.RootElement.GetProperty("id").GetString();
        using var response = await Server.Public.PostAsJsonAsync($"/self-service/login?flow={flowId}", new { method = "password", identifier = email, password });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("session_token").GetString()!;
    }

    private async Task<JsonObject> WhoamiAsync(string token, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sessions/whoami" + query);
        request.Headers.Add("X-Session-Token", token);
        using var response = await Server.Public.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}

public sealed class SqliteRelationTupleApiTests(SqlitePermissionServer fixture) : RelationTupleApiTests(fixture), IClassFixture<SqlitePermissionServer>;

public sealed class PostgresRelationTupleApiTests(PostgresPermissionServer fixture) : RelationTupleApiTests(fixture), IClassFixture<PostgresPermissionServer>;
