// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.SelfService.Codes.CodeFlowServer;

namespace Tessera.IntegrationTests.SelfService.SingleUse;

/// <summary>
/// Issue 17 finding 1 and issue 18 (single use under races): one flow, many simultaneous submissions over real HTTP.
/// Exactly one wins (one identity, one session); every other is told the flow is finished; and wrong submissions
/// racing the right one cannot write the finished flow back to an earlier state.
/// </summary>
public abstract class ConcurrentSubmissionTests(SingleUseServer fixture)
{
    private const string Password = "a long enough passphrase 42";

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task Registration_FiftyConcurrentSubmissionsOfOneApiFlow_CreateExactlyOneIdentity()
    {
        var tag = Guid.NewGuid().ToString("N");
        var flowId = await fixture.NewFlowIdAsync("registration");

        var answers = await RaceAsync(50, i => SubmitAsync(Server, "registration", flowId,
            new { method = "password", password = Password, traits = new { email = $"race-{i}-{tag}@example.com" } }));

        answers.Count(a => a.Status == HttpStatusCode.OK).ShouldBe(1, Describe(answers));
        answers.Where(a => a.Status != HttpStatusCode.OK).ShouldAllBe(a => a.Status == HttpStatusCode.BadRequest && a.MessageIds.SequenceEqual(new long[] { 4040002 }));
        (await CountIdentitiesAsync(tag)).ShouldBe(1);
    }

    [Fact]
    public async Task Login_FiftyConcurrentSubmissionsOfOneApiFlowWithTwoUsers_IssueExactlyOneSession()
    {
        var users = new[] { NewEmail(), NewEmail() };
        var ids = new List<Guid>();
        foreach (var email in users)
        {
            ids.Add(await TestIdentities.CreateAsync(Server, email, Password));
        }

        var flowId = await fixture.NewFlowIdAsync("login");
        var answers = await RaceAsync(50, i => SubmitAsync(Server, "login", flowId, new { method = "password", identifier = users[i % 2], password = Password }));

        answers.Count(a => a.Status == HttpStatusCode.OK).ShouldBe(1, Describe(answers));
        answers.Where(a => a.Status != HttpStatusCode.OK).ShouldAllBe(a => a.Status == HttpStatusCode.BadRequest && a.MessageIds.SequenceEqual(new long[] { 4010007 }));
        var sessions = 0;
        foreach (var id in ids)
        {
            sessions += await CountSessionsAsync(id);
        }

        sessions.ShouldBe(1);
    }

    [Fact]
    public async Task Recovery_TwentyConcurrentCodesOneRight_EndsFinishedAndAResubmissionAnswers4060001()
    {
        var email = NewEmail();
        await TestIdentities.CreateAsync(Server, email, Password);
        var flowId = await fixture.NewFlowIdAsync("recovery");
        using (var sent = await SubmitAsync(Server, "recovery", flowId, new { method = "code", email }))
        {
            sent.StatusCode.ShouldBe(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        }

        var code = await DeliverCodeAsync(Server, fixture.Sink, email);
        var wrong = code == "000000" ? "111111" : "000000";
        var answers = await RaceAsync(20, i => SubmitAsync(Server, "recovery", flowId, new { method = "code", code = i == 10 ? code : wrong }));

        // Wrong codes answer 200 too (Kratos's status, issue 16): the one success is the answer that says recovered (1060001).
        answers.Count(a => a.Status == HttpStatusCode.OK && a.MessageIds.Contains(1060001)).ShouldBe(1, Describe(answers));
        using var again = await SubmitAsync(Server, "recovery", flowId, new { method = "code", code = wrong });
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var retried = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        FlowJson.MessageIds(retried.RootElement).ShouldBe([4060001]);
        retried.RootElement.GetProperty("state").GetString().ShouldBe("passed_challenge");
        using var fetched = await Server.Public.GetAsync($"/self-service/recovery/flows?id={flowId}");
        using var stored = JsonDocument.Parse(await fetched.Content.ReadAsStringAsync());
        stored.RootElement.GetProperty("state").GetString().ShouldBe("passed_challenge");
    }


    /// <summary>Sends <paramref name="count"/> submissions at once (released together) and reads every answer.</summary>
    private static async Task<IReadOnlyList<Answer>> RaceAsync(int count, Func<int, Task<HttpResponseMessage>> submit)
    {
        using var start = new SemaphoreSlim(0, count);
        var tasks = Enumerable.Range(0, count).Select(async i =>
        {
            await start.WaitAsync();
            using var response = await submit(i);
            var body = await response.Content.ReadAsStringAsync();
            using var json = JsonDocument.Parse(body);
            var ids = json.RootElement.TryGetProperty("ui", out _) ? FlowJson.MessageIds(json.RootElement) : [];
            return new Answer(response.StatusCode, ids, body);
        }).ToList();
        start.Release(count);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await Task.WhenAll(tasks).WaitAsync(timeout.Token);
    }

    private static string Describe(IReadOnlyList<Answer> answers) =>
        string.Join("\n", answers.GroupBy(a => $"{(int)a.Status} [{string.Join(",", a.MessageIds)}]").Select(g => $"{g.Count()} x {g.Key}: {g.First().Body[..Math.Min(300, g.First().Body.Length)]}"));

    private async Task<int> CountIdentitiesAsync(string tag)
    {
        using var response = await Server.Admin.GetAsync("/admin/identities?page_size=500");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return list.RootElement.EnumerateArray().Count(i => i.GetProperty("traits").GetProperty("email").GetString()!.EndsWith($"-{tag}@example.com", StringComparison.Ordinal));
    }

    private async Task<int> CountSessionsAsync(Guid identityId)
    {
        using var response = await Server.Admin.GetAsync($"/admin/identities/{identityId}/sessions");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return list.RootElement.GetArrayLength();
    }

    private sealed record Answer(HttpStatusCode Status, IReadOnlyList<long> MessageIds, string Body);
}

public sealed class SqliteConcurrentSubmissionTests(SqliteSingleUseServer fixture) : ConcurrentSubmissionTests(fixture), IClassFixture<SqliteSingleUseServer>;

public sealed class PostgresConcurrentSubmissionTests(PostgresSingleUseServer fixture) : ConcurrentSubmissionTests(fixture), IClassFixture<PostgresSingleUseServer>;
