// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using Reply = Tessera.IntegrationTests.Fixtures.WebHookReceiver.Reply;

namespace Tessera.IntegrationTests.SelfService.Hooks;

/// <summary>Issue 8 acceptance 1-4 and seed rows D1-D3, against real web hook receivers on loopback.</summary>
public abstract class RegistrationHookTests(HookServer fixture)
{
    private const string Password = "a long enough passphrase 42";

    private TesseraTestServer Server => fixture.Server;

    private WebHookReceiver Receiver => fixture.Receiver;

    [Fact]
    public async Task WebHook403WithCanInterrupt_Answers502_CreatesNothing_AndIsInTheExecutionLog()
    {
        var email = NewEmail();
        Receiver.Script("/h1", email, new Reply(403, """{"error":"forbidden"}"""));

        var (flowId, response) = await RegisterAsync(email);

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("upstream_error");
        (await IdentitiesWithAsync(email)).ShouldBe(0);
        var executions = await ExecutionsAsync($"flow_id={flowId}");
        var execution = executions.RootElement.EnumerateArray().ShouldHaveSingleItem();
        execution.GetProperty("status_code").GetInt32().ShouldBe(403);
        execution.GetProperty("outcome").GetString().ShouldBe("aborted");
        execution.GetProperty("point").GetString().ShouldBe("registration.after.password");
        execution.GetProperty("hook_index").GetInt32().ShouldBe(0);
        execution.GetProperty("url").GetString()!.ShouldNotContain(HookServer.QuerySecret);
        Receiver.ReceivedFor("/h2", email).ShouldBeEmpty();
    }

    [Fact]
    public async Task WebHook400WithMessages_ShowsTheMessageOnTraitsEmail()
    {
        var email = NewEmail();
        Receiver.Script("/h1", email, new Reply(400, """
            {"messages":[{"instance_ptr":"#/traits/email","messages":[{"id":4000123,"text":"This e-mail is not allowed.","type":"error","context":{"reason":"blocked"}}]}]}
            """));

        var (_, response) = await RegisterAsync(email);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        using var flow = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        FlowJson.NodeMessageIds(flow.RootElement, "traits.email").ShouldBe([4000123]);
        FlowJson.NodeValue(flow.RootElement, "traits.email").ShouldBe(email);
        (await IdentitiesWithAsync(email)).ShouldBe(0);

        // The hook's message keeps its id, text and context, and names the refusal's catalog entry, which counts.
        var message = FlowJson.Node(flow.RootElement, "traits.email").GetProperty("messages").EnumerateArray().Single();
        message.GetProperty("text").GetString().ShouldBe("This e-mail is not allowed.");
        message.GetProperty("context").GetProperty("reason").GetString().ShouldBe("blocked");
        message.GetProperty("context").GetProperty("error_id").GetString().ShouldBe("web_hook_refused");
        EmittedIds.ErrorIds.ShouldContain("web_hook_refused");
    }

    [Fact]
    public async Task ParsingWebHookAnsweringWithABodyThatIsNotJson_Answers502WebHookResponseInvalid_AndCreatesNothing()
    {
        var email = NewEmail();
        Receiver.Script("/h1", email, new Reply(200, "<html>not json</html>"));

        var (_, response) = await RegisterAsync(email);

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway, body);
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("web_hook_response_invalid");
        body.ShouldNotContain("<html>");
        (await IdentitiesWithAsync(email)).ShouldBe(0);
        EmittedIds.ErrorIds.ShouldContain("web_hook_response_invalid");
    }

    [Fact]
    public async Task Chain_SecondInterrupts_ThirdNeverCalled()
    {
        var email = NewEmail();
        Receiver.Script("/h2", email, new Reply(403));

        var (_, response) = await RegisterAsync(email);

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        Receiver.ReceivedFor("/h1", email).Count.ShouldBe(1);
        Receiver.ReceivedFor("/h2", email).Count.ShouldBe(1);
        Receiver.ReceivedFor("/h3", email).ShouldBeEmpty();
        (await IdentitiesWithAsync(email)).ShouldBe(0);
    }

    [Fact]
    public async Task WebHookSleepingPastItsTimeout_Answers504()
    {
        var email = NewEmail();
        // Were the 3 s timeout not applied, the answer would be a 200 after 5 s.
        Receiver.Script("/h1", email, new Reply(200, Delay: TimeSpan.FromSeconds(5)));

        var (flowId, response) = await RegisterAsync(email);

        response.StatusCode.ShouldBe(HttpStatusCode.GatewayTimeout);
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("upstream_timeout");
        (await IdentitiesWithAsync(email)).ShouldBe(0);
        var execution = (await ExecutionsAsync($"flow_id={flowId}")).RootElement.EnumerateArray().ShouldHaveSingleItem();
        execution.GetProperty("outcome").GetString().ShouldBe("aborted");
        execution.TryGetProperty("status_code", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task WebHookAnswering500TwiceThen200_SucceedsAfterRetries()
    {
        var email = NewEmail();
        Receiver.Script("/h1", email, new Reply(500), new Reply(500), new Reply(200));

        var (flowId, response) = await RegisterAsync(email);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Receiver.ReceivedFor("/h1", email).Count.ShouldBe(3);
        (await IdentitiesWithAsync(email)).ShouldBe(1);
        var first = (await ExecutionsAsync($"flow_id={flowId}")).RootElement.EnumerateArray().Single(e => e.GetProperty("hook_index").GetInt32() == 0);
        first.GetProperty("attempts").GetInt32().ShouldBe(3);
        first.GetProperty("status_code").GetInt32().ShouldBe(200);
        first.GetProperty("outcome").GetString().ShouldBe("succeeded");
    }

    [Fact]
    public async Task Payload_CarriesFlowIdentityAndAllowedHeaders_NeverCookiesOrTokens()
    {
        var email = NewEmail();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/self-service/registration?flow={await NewFlowIdAsync()}")
        {
            Content = JsonContent.Create(new { method = "password", password = Password, traits = new { email } }),
        };
        // Cookies of the application (Tessera's own would make this API flow a browser request, refused before any hook).
        request.Headers.Add("Cookie", "app_session=cookie-secret-value; app_csrf=csrf-secret-value");
        request.Headers.Add("Authorization", "Bearer bearer-secret-value");
        request.Headers.Add("X-Session-Token", "token-secret-value");
        request.Headers.Add("User-Agent", "HookTests/1.0");
        request.Headers.Add("Accept-Language", "de-CH");

        using var response = await Server.Public.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var call = Receiver.ReceivedFor("/h1", email).ShouldHaveSingleItem();
        foreach (var secret in new[] { "cookie-secret-value", "csrf-secret-value", "bearer-secret-value", "token-secret-value", Password })
        {
            call.Body.ShouldNotContain(secret);
        }

        call.Headers["X-Hook-Key"].ShouldBe(HookServer.ApiKey);
        call.Headers.ContainsKey("Cookie").ShouldBeFalse();
        using var payload = JsonDocument.Parse(call.Body);
        payload.RootElement.GetProperty("flow").GetProperty("kind").GetString().ShouldBe("registration");
        payload.RootElement.GetProperty("flow").GetProperty("type").GetString().ShouldBe("api");
        payload.RootElement.GetProperty("identity").GetProperty("id").GetString().ShouldNotBeNullOrEmpty();
        payload.RootElement.GetProperty("request_headers").GetProperty("User-Agent").GetString().ShouldBe("HookTests/1.0");
        payload.RootElement.GetProperty("request_headers").GetProperty("Accept-Language").GetString().ShouldBe("de-CH");
    }

    [Fact]
    public async Task ResponseParse_UpdatesTraitsAndMetadataBeforeTheIdentityIsStored()
    {
        var email = NewEmail();
        var changed = NewEmail();
        Receiver.Script("/h1", email, new Reply(200, "{\"identity\":{\"traits\":{\"email\":\"" + changed + "\"},\"metadata_public\":{\"plan\":\"gold\"},\"metadata_admin\":{\"crm\":\"42\"}}}"));

        var (_, response) = await RegisterAsync(email);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await IdentitiesWithAsync(email)).ShouldBe(0);
        using var list = JsonDocument.Parse(await Server.Admin.GetStringAsync($"/admin/identities?credentials_identifier={Uri.EscapeDataString(changed)}"));
        var identity = list.RootElement.EnumerateArray().ShouldHaveSingleItem();
        identity.GetProperty("traits").GetProperty("email").GetString().ShouldBe(changed);
        identity.GetProperty("metadata_public").GetProperty("plan").GetString().ShouldBe("gold");
        identity.GetProperty("metadata_admin").GetProperty("crm").GetString().ShouldBe("42");
    }

    [Fact]
    public async Task ResponseIgnore_DoesNotHoldUpTheResponse()
    {
        var email = NewEmail();
        var gate = new TaskCompletionSource();
        Receiver.Script("/h4", email, new Reply(500, Hold: gate.Task));

        // The receiver cannot answer before the gate opens, so the registration answering shows it did not wait; a
        // waiting one would answer only after the hook's 10 s timeout, past this 8 s limit.
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(8));
        var (_, response) = await RegisterAsync(Server, email, limit.Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        gate.SetResult();

        await Receiver.WaitForAsync("/h4", email, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AdminExecutions_BadFilter_Answers400()
    {
        using var response = await Server.Admin.GetAsync("/admin/hooks/executions?flow_id=not-a-uuid");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("hook_execution_query_invalid");
    }

    internal static string NewEmail() => $"hook-{Guid.NewGuid():N}@example.com";

    internal static async Task<(string FlowId, HttpResponseMessage Response)> RegisterAsync(TesseraTestServer server, string email, CancellationToken cancellationToken = default)
    {
        using var created = await server.Public.GetAsync("/self-service/registration/api", cancellationToken);
        using var flow = JsonDocument.Parse(await created.Content.ReadAsStringAsync(cancellationToken));
        var flowId = flow.RootElement.GetProperty("id").GetString()!;
        var response = await server.Public.PostAsJsonAsync($"/self-service/registration?flow={flowId}",
            new { method = "password", password = Password, traits = new { email } }, cancellationToken);
        return (flowId, response);
    }

    private Task<(string FlowId, HttpResponseMessage Response)> RegisterAsync(string email) => RegisterAsync(Server, email);

    private async Task<string> NewFlowIdAsync()
    {
        using var created = await Server.Public.GetAsync("/self-service/registration/api");
        using var flow = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        return flow.RootElement.GetProperty("id").GetString()!;
    }

    private async Task<int> IdentitiesWithAsync(string email)
    {
        using var list = JsonDocument.Parse(await Server.Admin.GetStringAsync($"/admin/identities?credentials_identifier={Uri.EscapeDataString(email)}"));
        return list.RootElement.GetArrayLength();
    }

    private async Task<JsonDocument> ExecutionsAsync(string query) =>
        JsonDocument.Parse(await Server.Admin.GetStringAsync($"/admin/hooks/executions?{query}"));
}

public sealed class SqliteRegistrationHookTests(SqliteHookServer fixture) : RegistrationHookTests(fixture), IClassFixture<SqliteHookServer>;

public sealed class PostgresRegistrationHookTests(PostgresHookServer fixture) : RegistrationHookTests(fixture), IClassFixture<PostgresHookServer>;
