// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.SelfService.Codes.CodeFlowServer;

namespace Tessera.IntegrationTests.SelfService.Codes;

/// <summary>
/// Issue 16: wrong recovery and verification codes as Kratos answers them (200 with 4060006 / 4070006), and after five
/// wrong codes the flow replaced (410 <c>self_service_flow_replaced</c> with <c>use_flow_id</c>; browsers a 303), with
/// the guess counter exact under concurrent wrong submissions.
/// </summary>
public abstract class CodeAttemptTests(CodeFlowServer fixture)
{
    private const string Password = "the original passphrase 1";
    private const int MaxSubmissions = 5;

    private TesseraTestServer Server => fixture.Server;

    [Theory]
    [InlineData("recovery", 4060006)]
    [InlineData("verification", 4070006)]
    public async Task WrongCode_Answers200WithTheFlowCarryingTheInvalidCodeMessage(string kind, long message)
    {
        var flowId = await SentFlowAsync(kind);

        using var wrong = await SubmitAsync(Server, kind, flowId, new { method = "code", code = "000000" });

        wrong.StatusCode.ShouldBe(HttpStatusCode.OK, await wrong.Content.ReadAsStringAsync());
        using var flow = JsonDocument.Parse(await wrong.Content.ReadAsStringAsync());
        FlowJson.MessageIds(flow.RootElement).ShouldBe([message]);
        flow.RootElement.GetProperty("id").GetString().ShouldBe(flowId);
        flow.RootElement.GetProperty("state").GetString().ShouldBe("sent_email");
    }

    [Theory]
    [InlineData("recovery", 4060006)]
    [InlineData("verification", 4070006)]
    public async Task AfterFiveWrongCodes_TheFlowIsReplaced410WithUseFlowIdOfANewFlow(string kind, long message)
    {
        var flowId = await SentFlowAsync(kind);
        for (var i = 0; i < MaxSubmissions; i++)
        {
            using var wrong = await SubmitAsync(Server, kind, flowId, new { method = "code", code = "000000" });
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var replaced = await SubmitAsync(Server, kind, flowId, new { method = "code", code = "000000" });

        replaced.StatusCode.ShouldBe(HttpStatusCode.Gone, await replaced.Content.ReadAsStringAsync());
        using var error = JsonDocument.Parse(await replaced.Content.ReadAsStringAsync());
        error.RootElement.GetProperty("error").GetProperty("id").GetString().ShouldBe("self_service_flow_replaced");
        var newFlowId = error.RootElement.GetProperty("use_flow_id").GetString()!;
        newFlowId.ShouldNotBe(flowId);
        using var fetched = await Server.Public.GetAsync($"/self-service/{kind}/flows?id={newFlowId}");
        fetched.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var newFlow = JsonDocument.Parse(await fetched.Content.ReadAsStringAsync());
        newFlow.RootElement.GetProperty("state").GetString().ShouldBe("choose_method");
        FlowJson.MessageIds(newFlow.RootElement).ShouldBe([message]);
    }

    [Fact]
    public async Task Browser_AfterFiveWrongCodes_IsSentToTheNewFlowsPage()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        var email = NewEmail();
        await TestIdentities.CreateAsync(Server, email, Password);
        using var started = await browser.GetAsync("/self-service/recovery/browser");
        var flowId = FlowJson.FlowIdFromLocation(started);
        string csrf, action;
        using (var flow = await browser.GetFlowAsync("recovery", flowId))
        {
            csrf = FlowJson.NodeValue(flow.RootElement, "csrf_token")!;
            action = flow.RootElement.GetProperty("ui").GetProperty("action").GetString()!;
        }

        (await browser.PostFormAsync(action, [new("csrf_token", csrf), new("method", "code"), new("email", email)])).Dispose();
        for (var i = 0; i < MaxSubmissions; i++)
        {
            using var wrong = await browser.PostFormAsync(action, [new("csrf_token", csrf), new("method", "code"), new("code", "000000")]);
            wrong.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
            FlowJson.FlowIdFromLocation(wrong).ShouldBe(flowId);
        }

        using var replaced = await browser.PostFormAsync(action, [new("csrf_token", csrf), new("method", "code"), new("code", "000000")]);

        replaced.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        replaced.Headers.Location!.AbsolutePath.ShouldBe("/ui/recovery");
        var newFlowId = FlowJson.FlowIdFromLocation(replaced);
        newFlowId.ShouldNotBe(flowId);
        using var newFlow = await browser.GetFlowAsync("recovery", newFlowId);
        FlowJson.MessageIds(newFlow.RootElement).ShouldBe([4060006]);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(50)]
    public async Task ConcurrentWrongCodes_ExactlyFiveAreCompared_TheRestAndThenTheRightCodeAreReplaced(int parallel)
    {
        var identityId = await TestIdentities.CreateAsync(Server, NewEmail(), Password);
        using var created = await Server.Admin.PostAsJsonAsync("/admin/recovery/code", new { identity_id = identityId, flow_type = "api" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var code = body.RootElement.GetProperty("recovery_code").GetString()!;
        var flowId = System.Web.HttpUtility.ParseQueryString(new Uri(body.RootElement.GetProperty("recovery_link").GetString()!).Query)["flow"]!;
        var wrongCode = code == "000000" ? "000001" : "000000";

        using var start = new SemaphoreSlim(0);
        var submissions = Enumerable.Range(0, parallel).Select(async _ =>
        {
            await start.WaitAsync();
            using var response = await SubmitAsync(Server, "recovery", flowId, new { method = "code", code = wrongCode });
            return response.StatusCode;
        }).ToList();
        start.Release(parallel);
        var statuses = await Task.WhenAll(submissions);

        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(MaxSubmissions, string.Join(",", statuses));
        statuses.Count(s => s == HttpStatusCode.Gone).ShouldBe(parallel - MaxSubmissions, string.Join(",", statuses));
        using var right = await SubmitAsync(Server, "recovery", flowId, new { method = "code", code });
        right.StatusCode.ShouldBe(HttpStatusCode.Gone, "no guess is left for the right code either");
        using var whoami = await Server.Admin.GetAsync($"/admin/identities/{identityId}/sessions");
        using var sessions = JsonDocument.Parse(await whoami.Content.ReadAsStringAsync());
        sessions.RootElement.GetArrayLength().ShouldBe(0);
    }

    private async Task<string> SentFlowAsync(string kind)
    {
        var email = NewEmail();
        await TestIdentities.CreateAsync(Server, email, Password);
        using var flow = await NewApiFlowAsync(Server, kind);
        var flowId = flow.RootElement.GetProperty("id").GetString()!;
        using var sent = await SubmitAsync(Server, kind, flowId, new { method = "code", email });
        sent.StatusCode.ShouldBe(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        return flowId;
    }
}

/// <summary>The code-flow server with room for the concurrent submissions (the per-client submission bucket raised).</summary>
public abstract class CodeAttemptServer(DatabaseKind kind) : CodeFlowServer(kind)
{
    protected override Dictionary<string, string> Settings => new(SettingsFor(Sink))
    {
        ["rate_limits.buckets.flow_submissions.limit"] = "100000",
    };
}

public sealed class SqliteCodeAttemptServer() : CodeAttemptServer(DatabaseKind.Sqlite);

public sealed class PostgresCodeAttemptServer() : CodeAttemptServer(DatabaseKind.Postgres);

public sealed class SqliteCodeAttemptTests(SqliteCodeAttemptServer fixture) : CodeAttemptTests(fixture), IClassFixture<SqliteCodeAttemptServer>;

public sealed class PostgresCodeAttemptTests(PostgresCodeAttemptServer fixture) : CodeAttemptTests(fixture), IClassFixture<PostgresCodeAttemptServer>;
