// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService;

/// <summary>Issue 5 for API clients (apps): JSON in, JSON out, session tokens.</summary>
public abstract class ApiJourneyTests(FlowServer fixture)
{
    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task ApiClient_RegistersLogsInCallsWhoamiAndLogsOut()
    {
        var email = $"api-{Guid.NewGuid():N}@example.com";
        const string password = "a long enough passphrase 42";

        using var registered = await SubmitAsync("registration", await NewFlowIdAsync("registration"),
            new { method = "password", password, traits = new { email } });
        registered.StatusCode.ShouldBe(HttpStatusCode.OK, await registered.Content.ReadAsStringAsync());
        using var registration = JsonDocument.Parse(await registered.Content.ReadAsStringAsync());
        registration.RootElement.GetProperty("identity").GetProperty("traits").GetProperty("email").GetString().ShouldBe(email);
        registration.RootElement.GetProperty("session_token").GetString().ShouldStartWith("ory_st_");

        using var loggedIn = await SubmitAsync("login", await NewFlowIdAsync("login"),
            new { method = "password", identifier = email.ToUpperInvariant(), password });
        loggedIn.StatusCode.ShouldBe(HttpStatusCode.OK, await loggedIn.Content.ReadAsStringAsync());
        using var login = JsonDocument.Parse(await loggedIn.Content.ReadAsStringAsync());
        var token = login.RootElement.GetProperty("session_token").GetString()!;
        login.RootElement.GetProperty("session").GetProperty("identity").GetProperty("traits").GetProperty("email").GetString().ShouldBe(email);

        using var whoami = await WhoamiAsync(token);
        whoami.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var session = JsonDocument.Parse(await whoami.Content.ReadAsStringAsync());
        session.RootElement.GetProperty("identity").TryGetProperty("credentials", out _).ShouldBeFalse();
        session.RootElement.GetProperty("identity").TryGetProperty("metadata_admin", out _).ShouldBeFalse();

        using var logout = new HttpRequestMessage(HttpMethod.Delete, "/self-service/logout/api") { Content = JsonContent.Create(new { session_token = token }) };
        (await Server.Public.SendAsync(logout)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var after = await WhoamiAsync(token);
        after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        after.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("session_inactive");
    }

    [Fact]
    public async Task Login_WrongPasswordAndUnknownIdentifier_Give4000006AndOtherwiseIdenticalResponses()
    {
        var email = await RegisterAsync();

        using var wrong = await SubmitAsync("login", await NewFlowIdAsync("login"), new { method = "password", identifier = email, password = "not the password 1" });
        using var unknown = await SubmitAsync("login", await NewFlowIdAsync("login"), new { method = "password", identifier = $"x{email}", password = "not the password 1" });

        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var a = JsonDocument.Parse(await wrong.Content.ReadAsStringAsync());
        using var b = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync());
        FlowJson.MessageIds(a.RootElement).ShouldBe([4000006]);
        FlowJson.MessageIds(b.RootElement).ShouldBe([4000006]);
        Shape(a.RootElement).ShouldBe(Shape(b.RootElement));
        wrong.Headers.Select(h => h.Key).Order().ShouldBe(unknown.Headers.Select(h => h.Key).Order());
    }

    [Fact]
    public async Task Login_MissingFields_PutsRequiredOnEachNode()
    {
        using var response = await SubmitAsync("login", await NewFlowIdAsync("login"), new { method = "password" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var flow = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        FlowJson.NodeMessageIds(flow.RootElement, "identifier").ShouldBe([4000002]);
        FlowJson.NodeMessageIds(flow.RootElement, "password").ShouldBe([4000002]);
    }

    [Fact]
    public async Task Registration_ExistingIdentifier_Answers409WithTheFlowCarrying4000007()
    {
        var email = await RegisterAsync();

        using var response = await SubmitAsync("registration", await NewFlowIdAsync("registration"),
            new { method = "password", password = "another fine passphrase", traits = new { email = email.ToUpperInvariant() } });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        using var flow = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        FlowJson.MessageIds(flow.RootElement).ShouldBe([4000007]);
        FlowJson.NodeValue(flow.RootElement, "traits.email").ShouldBe(email.ToUpperInvariant());
    }

    [Fact]
    public async Task Registration_InvalidTraitsAndShortPassword_PutMessagesOnTheirFields()
    {
        using var response = await SubmitAsync("registration", await NewFlowIdAsync("registration"),
            new { method = "password", password = "short", traits = new { email = "not-an-email" } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var flow = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        FlowJson.NodeMessageIds(flow.RootElement, "traits.email").ShouldHaveSingleItem().ShouldBeInRange(4000001, 4000099);
    }

    [Fact]
    public async Task Submit_ExpiredFlow_Answers400WithAReplacementCarryingTheExpiryMessage()
    {
        foreach (var (kind, message) in new[] { ("login", 4010001L), ("registration", 4040001L) })
        {
            var id = await NewFlowIdAsync(kind);
            Server.Clock.Advance(TimeSpan.FromSeconds(2));

            using var response = await SubmitAsync(kind, id, new { method = "password", identifier = "a@example.com", password = "whatever 123", traits = new { email = "a@example.com" } });

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, kind);
            using var replacement = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            replacement.RootElement.GetProperty("id").GetString().ShouldNotBe(id);
            replacement.RootElement.GetProperty("ui").GetProperty("action").GetString()!.ShouldContain(replacement.RootElement.GetProperty("id").GetString()!);
            var expiry = replacement.RootElement.GetProperty("ui").GetProperty("messages")[0];
            expiry.GetProperty("id").GetInt64().ShouldBe(message);
            expiry.GetProperty("context").TryGetProperty("expired_at", out _).ShouldBeTrue();
            expiry.GetProperty("text").GetString()!.ShouldContain("0.02");
        }
    }

    [Theory]
    [InlineData("login")]
    [InlineData("registration")]
    public async Task GetFlow_ExpiredUnknownOrGarbage_AnswersKratosStatuses(string kind)
    {
        var id = await NewFlowIdAsync(kind);
        Server.Clock.Advance(TimeSpan.FromSeconds(2));

        using var expired = await Server.Public.GetAsync($"/self-service/{kind}/flows?id={id}");
        using var unknown = await Server.Public.GetAsync($"/self-service/{kind}/flows?id={Guid.NewGuid()}");
        using var garbage = await Server.Public.GetAsync($"/self-service/{kind}/flows?id=%27%20OR%201%3D1");

        expired.StatusCode.ShouldBe(HttpStatusCode.Gone);
        expired.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("self_service_flow_expired");
        using var body = JsonDocument.Parse(await expired.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("error").GetProperty("details").GetProperty("redirect_to").GetString()!.ShouldEndWith($"/self-service/{kind}/api");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        garbage.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{csrf}=abcdefabcdefabcdefabcdefabcdefabcdef")]
    [InlineData("ory_kratos_session=ory_st_whatever")]
    public async Task Submit_ApiFlowWithBrowserCookies_IsRefused(string cookie)
    {
        var id = await NewFlowIdAsync("login");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/self-service/login?flow={id}")
        {
            Content = JsonContent.Create(new { method = "password", identifier = "a@example.com", password = "whatever 123" }),
        };
        request.Headers.Add("Cookie", cookie.Replace("{csrf}", Server.CsrfCookieName, StringComparison.Ordinal));

        using var response = await Server.Public.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("api_flow_used_by_browser");
    }

    [Fact]
    public async Task CreateFlow_ForeignReturnTo_IsRefused()
    {
        using var response = await Server.Public.GetAsync("/self-service/login/api?return_to=https://evil.example/");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("self_service_flow_return_to_forbidden");
    }

    [Fact]
    public async Task CreateLoginFlow_WithASession_AnswersSessionAlreadyAvailableUnlessRefresh()
    {
        var email = await RegisterAsync();
        var token = await LoginAsync(email);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/self-service/login/api");
        again.Headers.Add("X-Session-Token", token);
        using var refused = await Server.Public.SendAsync(again);
        using var refresh = new HttpRequestMessage(HttpMethod.Get, "/self-service/login/api?refresh=true");
        refresh.Headers.Add("X-Session-Token", token);
        using var allowed = await Server.Public.SendAsync(refresh);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refused.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("session_already_available");
        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var flow = JsonDocument.Parse(await allowed.Content.ReadAsStringAsync());
        flow.RootElement.GetProperty("refresh").GetBoolean().ShouldBeTrue();
    }

    private async Task<string> RegisterAsync()
    {
        var email = $"user-{Guid.NewGuid():N}@example.com";
        using var response = await SubmitAsync("registration", await NewFlowIdAsync("registration"),
            new { method = "password", password = "a long enough passphrase 42", traits = new { email } });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return email;
    }

    private async Task<string> LoginAsync(string email)
    {
        using var response = await SubmitAsync("login", await NewFlowIdAsync("login"), new { method = "password", identifier = email, password = "a long enough passphrase 42" });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("session_token").GetString()!;
    }

    private async Task<string> NewFlowIdAsync(string kind)
    {
        using var response = await Server.Public.GetAsync($"/self-service/{kind}/api");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var flow = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        flow.RootElement.GetProperty("type").GetString().ShouldBe("api");
        return flow.RootElement.GetProperty("id").GetString()!;
    }

    private Task<HttpResponseMessage> SubmitAsync(string kind, string flowId, object body) =>
        Server.Public.PostAsJsonAsync($"/self-service/{kind}?flow={flowId}", body);

    private async Task<HttpResponseMessage> WhoamiAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sessions/whoami");
        request.Headers.Add("X-Session-Token", token);
        return await Server.Public.SendAsync(request);
    }

    // The structure of a flow without its ids and times: what an observer could compare between two answers.
    private static string Shape(JsonElement flow) => string.Join(",", flow.EnumerateObject().Select(p => p.Name))
        + "|" + string.Join(",", flow.GetProperty("ui").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("attributes").GetProperty("name").GetString()));
}

public sealed class SqliteApiJourneyTests(SqliteFlowServer fixture) : ApiJourneyTests(fixture), IClassFixture<SqliteFlowServer>;

public sealed class PostgresApiJourneyTests(PostgresFlowServer fixture) : ApiJourneyTests(fixture), IClassFixture<PostgresFlowServer>;
