// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.Permissions.KetoCalls;

namespace Tessera.IntegrationTests.Permissions;

/// <summary>Issue 24, acceptance 2: transitive checks through subject sets, Keto's depth limit, cycles.</summary>
public abstract class PermissionCheckTests(PermissionServer fixture)
{
    private TesseraTestServer Server => fixture.Server;

    /// <summary>
    /// files:doc#view reached through a chain of <paramref name="depth"/> tuples: the last names the user, the ones before
    /// it subject sets groups:gN#member. Depth 1 is the direct tuple.
    /// </summary>
    private async Task<(string Document, string User)> ChainAsync(int depth)
    {
        var id = Guid.NewGuid().ToString("N");
        var user = $"user-{id}";
        var tuples = new List<string>();
        var current = $"files:doc-{id}#view";
        for (var i = 1; i < depth; i++)
        {
            var group = $"groups:g{i}-{id}#member";
            tuples.Add($"{current}@{group}");
            current = group;
        }

        tuples.Add($"{current}@{user}");
        await PatchAsync(Server, tuples);
        return ($"files:doc-{id}#view", user);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Check_SubjectSetChainWithinDefaultDepth_IsAllowed(int depth)
    {
        var (document, user) = await ChainAsync(depth);

        (await AllowedAsync(Server, $"{document}@{user}")).ShouldBeTrue();
        (await AllowedAsync(Server, $"{document}@someone-else")).ShouldBeFalse();
    }

    [Fact]
    public async Task Check_ChainOfSixBeyondMaxReadDepth_IsNotAllowedAsKeto()
    {
        // Keto's engine answers "not a member" when max_read_depth (5) is used up before the subject is found.
        var (document, user) = await ChainAsync(6);

        var (status, allowed) = await CheckAsync(Server, $"{document}@{user}");

        status.ShouldBe(HttpStatusCode.Forbidden);
        allowed.ShouldBe(false);
    }

    [Fact]
    public async Task Check_MaxDepthParameter_OnlyLowersTheGlobalLimit()
    {
        var (document, user) = await ChainAsync(3);

        (await AllowedAsync(Server, $"{document}@{user}", maxDepth: 2)).ShouldBeFalse();
        (await AllowedAsync(Server, $"{document}@{user}", maxDepth: 3)).ShouldBeTrue();
        (await AllowedAsync(Server, $"{document}@{user}", maxDepth: 100)).ShouldBeTrue();

        var (direct, directUser) = await ChainAsync(1);
        // Keto: a depth of 1 is used up by the direct lookup itself.
        (await AllowedAsync(Server, $"{direct}@{directUser}", maxDepth: 1)).ShouldBeFalse();
        (await AllowedAsync(Server, $"{direct}@{directUser}", maxDepth: 2)).ShouldBeTrue();
    }

    [Fact]
    public async Task Check_SubjectSetCycle_AnswersWithoutLooping()
    {
        var id = Guid.NewGuid().ToString("N");
        await PatchAsync(Server,
        [
            $"files:doc-{id}#view@groups:a-{id}#member",
            $"groups:a-{id}#member@groups:b-{id}#member",
            $"groups:b-{id}#member@groups:a-{id}#member",
            $"groups:b-{id}#member@groups:c-{id}#member",
            $"groups:c-{id}#member@groups:a-{id}#member",
            $"groups:c-{id}#member@carol-{id}",
        ]);

        var check = Task.WhenAll(
            Enumerable.Range(0, 20).Select(i => AllowedAsync(Server, $"files:doc-{id}#view@{(i % 2 == 0 ? "nobody" : "carol")}-{id}")));
        var finished = await Task.WhenAny(check, Task.Delay(TimeSpan.FromSeconds(30)));

        finished.ShouldBe(check, "a check over a cycle must end");
        var answers = await check;
        answers.Where((_, i) => i % 2 == 0).ShouldAllBe(a => !a);
        answers.Where((_, i) => i % 2 == 1).ShouldAllBe(a => a);
    }

    [Fact]
    public async Task Check_AfterWriteAndDeleteOnThisNode_SeesTheChangeAtOnce()
    {
        var id = Guid.NewGuid().ToString("N");
        var tuple = $"files:doc-{id}#edit@dana-{id}";
        (await AllowedAsync(Server, tuple)).ShouldBeFalse();

        await PutAsync(Server, tuple);
        (await AllowedAsync(Server, tuple)).ShouldBeTrue();

        using var deleted = await Server.Admin.DeleteAsync($"/admin/relation-tuples?{Query(tuple)}");
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await AllowedAsync(Server, tuple)).ShouldBeFalse();
    }

    [Fact]
    public async Task Check_OpenApiAndPostForms_AnswerAsKeto()
    {
        var (document, user) = await ChainAsync(2);

        using var deniedOpenApi = await Server.Public.GetAsync($"/relation-tuples/check/openapi?{Query($"{document}@nobody")}");
        deniedOpenApi.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await deniedOpenApi.Content.ReadFromJsonAsync<JsonObject>())!["allowed"]!.GetValue<bool>().ShouldBeFalse();

        using var allowedPost = await Server.Public.PostAsJsonAsync("/relation-tuples/check", Tuple($"{document}@{user}"));
        allowedPost.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var deniedPost = await Server.Public.PostAsJsonAsync("/relation-tuples/check", Tuple($"{document}@nobody"));
        deniedPost.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var deniedPostOpenApi = await Server.Public.PostAsJsonAsync("/relation-tuples/check/openapi", Tuple($"{document}@nobody"));
        deniedPostOpenApi.StatusCode.ShouldBe(HttpStatusCode.OK);

        var batch = new JsonObject
        {
            ["tuples"] = new JsonArray(Tuple($"{document}@{user}"), Tuple($"{document}@nobody"), Tuple($"unknown:x#y@{user}")),
        };
        using var batched = await Server.Public.PostAsJsonAsync("/relation-tuples/batch/check", batch);
        batched.StatusCode.ShouldBe(HttpStatusCode.OK);
        var results = (await batched.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();
        results.Select(r => r!["allowed"]!.GetValue<bool>()).ShouldBe([true, false, false]);
        results[2]!["error"]!.ToString().ShouldContain("unknown");
    }

    [Fact]
    public async Task Check_BadInput_AnswersKetoStatusesFromTheCatalog()
    {
        using var noSubject = await Server.Public.GetAsync("/relation-tuples/check?namespace=files&object=o&relation=r");
        await ShouldBeErrorAsync(noSubject, HttpStatusCode.BadRequest, "relation_tuple_invalid");

        using var unknown = await Server.Public.GetAsync("/relation-tuples/check?namespace=nope&object=o&relation=r&subject_id=u");
        await ShouldBeErrorAsync(unknown, HttpStatusCode.NotFound, "relation_namespace_unknown");

        using var badDepth = await Server.Public.GetAsync("/relation-tuples/check?namespace=files&object=o&relation=r&subject_id=u&max-depth=x");
        await ShouldBeErrorAsync(badDepth, HttpStatusCode.BadRequest, "relation_query_invalid");

        var tooMany = new JsonObject { ["tuples"] = new JsonArray(Enumerable.Range(0, 11).Select(i => (JsonNode)Tuple($"files:o#r@u{i}")).ToArray()) };
        using var batch = await Server.Public.PostAsJsonAsync("/relation-tuples/batch/check", tooMany);
        await ShouldBeErrorAsync(batch, HttpStatusCode.BadRequest, "relation_query_invalid");
    }

    internal static async Task ShouldBeErrorAsync(HttpResponseMessage response, HttpStatusCode status, string id)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        var error = JsonNode.Parse(body)!["error"]!;
        error["id"]!.ToString().ShouldBe(id);
        error["code"]!.GetValue<int>().ShouldBe((int)status);
    }
}

public sealed class SqlitePermissionCheckTests(SqlitePermissionServer fixture) : PermissionCheckTests(fixture), IClassFixture<SqlitePermissionServer>;

public sealed class PostgresPermissionCheckTests(PostgresPermissionServer fixture) : PermissionCheckTests(fixture), IClassFixture<PostgresPermissionServer>;
