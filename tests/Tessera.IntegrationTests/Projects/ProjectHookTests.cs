// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.Projects.ProjectConfigTests;
using static Tessera.IntegrationTests.Projects.ProjectHosts;
using Reply = Tessera.IntegrationTests.Fixtures.WebHookReceiver.Reply;

namespace Tessera.IntegrationTests.Projects;

/// <summary>
/// Issue 21: a project's overlay sets its own self-service hooks (<c>selfservice.flows.&lt;flow&gt;.after.hooks</c>),
/// validated as the file's, with web hook bodies inline only; the other project keeps the file's chain.
/// </summary>
public abstract class ProjectHookTests(DatabaseKind kind)
{
    private const string Password = "correct horse battery staple 21";

    [Fact]
    public async Task OverlayAddsAnAfterRegistrationWebHook_RegisteringOnACallsIt_OnBDoesNot()
    {
        await using var receiver = await WebHookReceiver.StartAsync();
        await using var server = await TesseraTestServer.StartAsync(kind, Settings());
        var (a, hostA) = await CreateProjectAsync(server);
        var (_, hostB) = await CreateProjectAsync(server);
        using var patched = await PatchAsync(server, a, Chain(receiver, parse: false));
        await JsonAsync(patched, HttpStatusCode.OK);
        var onA = NewEmail();
        var onB = NewEmail();

        using var registeredA = await RegisterAsync(server, hostA, onA);
        using var registeredB = await RegisterAsync(server, hostB, onB);

        await JsonAsync(registeredA, HttpStatusCode.OK);
        await JsonAsync(registeredB, HttpStatusCode.OK);
        (await receiver.WaitForAsync("/project-hook", onA, TimeSpan.FromSeconds(10))).Method.ShouldBe("POST");
        receiver.ReceivedFor("/project-hook", onB).ShouldBeEmpty();
    }

    [Fact]
    public async Task OverlayParsingWebHookRefusesRegistrationOnA_BStillRegisters()
    {
        await using var receiver = await WebHookReceiver.StartAsync();
        await using var server = await TesseraTestServer.StartAsync(kind, Settings());
        var (a, hostA) = await CreateProjectAsync(server);
        var (_, hostB) = await CreateProjectAsync(server);
        using var patched = await PatchAsync(server, a, Chain(receiver, parse: true));
        await JsonAsync(patched, HttpStatusCode.OK);
        var email = NewEmail();
        receiver.Script("/project-hook", email, new Reply(400, """
            {"messages":[{"instance_ptr":"#/traits/email","messages":[{"id":4000123,"text":"Not on this project.","type":"error"}]}]}
            """));

        using var refused = await RegisterAsync(server, hostA, email);
        using var registered = await RegisterAsync(server, hostB, email);

        var flow = await JsonAsync(refused, HttpStatusCode.BadRequest);
        FlowJson.NodeMessageIds(flow, "traits.email").ShouldBe([4000123]);
        await JsonAsync(registered, HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("""[{"hook":"nope"}]""", "selfservice.flows.registration.after.hooks.0.hook")]
    [InlineData("""[{"hook":"web_hook","config":{"method":"POST"}}]""", "selfservice.flows.registration.after.hooks.0.config.url")]
    [InlineData("""[{"hook":"web_hook","config":{"url":"http://127.0.0.1:9/","body":"base64://bm90IGpzb24="}}]""", "selfservice.flows.registration.after.hooks.0.config.body")]
    public async Task Patch_BadHook_Answers400NamingTheKey_AndStoresNothing(string chain, string key)
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings());
        var (projectId, _) = await CreateProjectAsync(server);

        await ShouldRefuseAsync(server, projectId, """{"selfservice":{"flows":{"registration":{"after":{"hooks":""" + chain + "}}}}}", key);
    }

    [Fact]
    public async Task Patch_BodyTemplateFromAServerFile_IsRefusedNamingTheKey_EvenWhenTheFileIsAValidTemplate()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings());
        var (projectId, _) = await CreateProjectAsync(server);
        var path = Path.Combine(Path.GetTempPath(), $"tessera-hook-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{"email":"{{identity.traits.email}}"}""");
        try
        {
            foreach (var location in new[] { "file://" + path, path })
            {
                var chain = new JsonArray(new JsonObject
                {
                    ["hook"] = "web_hook",
                    ["config"] = new JsonObject { ["url"] = "http://127.0.0.1:9/", ["body"] = location },
                }).ToJsonString();

                var reason = await ShouldRefuseAsync(server, projectId,
                    """{"selfservice":{"flows":{"registration":{"after":{"hooks":""" + chain + "}}}}}", "selfservice.flows.registration.after.hooks.0.config.body");

                reason.ShouldContain("base64://");
            }
        }
        finally
        {
            File.Delete(path);
        }

        (await GetConfigAsync(server, projectId)).GetProperty("version").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Patch_HookLogLifespan_IsRefusedAsDeploymentWide()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings());
        var (projectId, _) = await CreateProjectAsync(server);

        var reason = await ShouldRefuseAsync(server, projectId, """{"selfservice":{"hooks":{"log_lifespan":"1h"}}}""", "selfservice.hooks.log_lifespan");

        reason.ShouldContain("deployment-wide");
    }

    private static string Chain(WebHookReceiver receiver, bool parse)
    {
        var body = "base64://" + Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"identity":{"traits":{"email":"{{identity.traits.email}}"}}}"""));
        var hooks = new JsonArray(
            new JsonObject
            {
                ["hook"] = "web_hook",
                ["config"] = new JsonObject
                {
                    ["url"] = receiver.UrlFor("/project-hook"),
                    ["method"] = "POST",
                    ["body"] = body,
                    ["can_interrupt"] = parse,
                    ["response"] = new JsonObject { ["parse"] = parse },
                },
            },
            new JsonObject { ["hook"] = "session" });
        return new JsonObject
        {
            ["selfservice"] = new JsonObject { ["flows"] = new JsonObject { ["registration"] = new JsonObject { ["after"] = new JsonObject { ["hooks"] = hooks } } } },
        }.ToJsonString();
    }

    private static async Task<HttpResponseMessage> RegisterAsync(TesseraTestServer server, string host, string email)
    {
        var flow = await NewApiFlowAsync(server, host, "registration");
        return await SendAsync(server, host, HttpMethod.Post, $"/self-service/registration?flow={flow.GetProperty("id").GetString()}",
            new { method = "password", password = Password, traits = new { email } });
    }

    private static string NewEmail() => $"h-{Guid.NewGuid():N}@example.com";
}

public sealed class SqliteProjectHookTests() : ProjectHookTests(DatabaseKind.Sqlite);

public sealed class PostgresProjectHookTests() : ProjectHookTests(DatabaseKind.Postgres);
