// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Registration;

/// <summary>
/// Issue 16: registration in Kratos 1.3's default two steps (traits in group <c>default</c> with the <c>profile</c>
/// submit, then the credential with a way back), and the one-request password submission SDK users rely on.
/// </summary>
public abstract class TwoStepRegistrationTests(FlowServer fixture)
{
    private const string Password = "a long enough passphrase 42";

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task NewFlow_ShowsTheTraitsInGroupDefaultWithTheProfileSubmit1040001AndNoPassword()
    {
        using var flow = await NewApiFlowAsync();

        var email = FlowJson.Node(flow.RootElement, "traits.email");
        email.GetProperty("group").GetString().ShouldBe("default");
        email.GetProperty("attributes").GetProperty("type").GetString().ShouldBe("email");
        var submit = SubmitNode(flow.RootElement, "method", "profile");
        submit.GetProperty("group").GetString().ShouldBe("profile");
        submit.GetProperty("meta").GetProperty("label").GetProperty("id").GetInt64().ShouldBe(1040001);
        Names(flow.RootElement).ShouldNotContain("password");
    }

    [Fact]
    public async Task ProfileMethodAlone_Answers400WithTheCredentialStep1040009AndHiddenTraits()
    {
        using var flow = await NewApiFlowAsync();
        var address = NewEmail();

        using var response = await SubmitAsync(Id(flow), new { method = "profile", traits = new { email = address } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var step = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        FlowJson.MessageIds(step.RootElement).ShouldBe([1040009]);
        var email = FlowJson.Node(step.RootElement, "traits.email");
        email.GetProperty("group").GetString().ShouldBe("default");
        email.GetProperty("attributes").GetProperty("type").GetString().ShouldBe("hidden");
        FlowJson.NodeValue(step.RootElement, "traits.email").ShouldBe(address);
        FlowJson.Node(step.RootElement, "password").GetProperty("group").GetString().ShouldBe("password");
        SubmitNode(step.RootElement, "method", "password").GetProperty("meta").GetProperty("label").GetProperty("id").GetInt64().ShouldBe(1040001);
        var back = SubmitNode(step.RootElement, "screen", "previous");
        back.GetProperty("group").GetString().ShouldBe("profile");
        back.GetProperty("meta").GetProperty("label").GetProperty("id").GetInt64().ShouldBe(1040008);
        Names(step.RootElement).Count(n => n == "method").ShouldBe(1, "the profile submit is gone on the credential step");
    }

    [Fact]
    public async Task ApiClient_RegistersInTwoSteps()
    {
        using var flow = await NewApiFlowAsync();
        var address = NewEmail();
        using (var step = await SubmitAsync(Id(flow), new { method = "profile", traits = new { email = address } }))
        {
            step.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            using var credentials = JsonDocument.Parse(await step.Content.ReadAsStringAsync());
            FlowJson.MessageIds(credentials.RootElement).ShouldBe([1040009]);
        }

        using var registered = await SubmitAsync(Id(flow), new { method = "password", password = Password, traits = new { email = address } });

        registered.StatusCode.ShouldBe(HttpStatusCode.OK, await registered.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await registered.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("identity").GetProperty("traits").GetProperty("email").GetString().ShouldBe(address);
        body.RootElement.GetProperty("session_token").GetString().ShouldStartWith("ory_st_");
    }

    [Fact]
    public async Task PasswordMethodInOneRequest_StillRegisters()
    {
        using var flow = await NewApiFlowAsync();

        using var registered = await SubmitAsync(Id(flow), new { method = "password", password = Password, traits = new { email = NewEmail() } });

        registered.StatusCode.ShouldBe(HttpStatusCode.OK, await registered.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ProfileStep_InvalidTraits_StaysOnTheTraitsWithTheirMessages()
    {
        using var flow = await NewApiFlowAsync();

        using var response = await SubmitAsync(Id(flow), new { method = "profile", traits = new { email = "not-an-email" } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var step = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        FlowJson.Node(step.RootElement, "traits.email").GetProperty("attributes").GetProperty("type").GetString().ShouldBe("email");
        FlowJson.NodeMessageIds(step.RootElement, "traits.email").ShouldHaveSingleItem().ShouldBeInRange(4000001, 4000099);
        Names(step.RootElement).ShouldNotContain("password");
        FlowJson.MessageIds(step.RootElement).ShouldNotContain(1040009);
    }

    [Fact]
    public async Task ScreenPrevious_GoesBackToTheTraitsKeepingTheirValues()
    {
        using var flow = await NewApiFlowAsync();
        var address = NewEmail();
        (await SubmitAsync(Id(flow), new { method = "profile", traits = new { email = address } })).Dispose();

        using var response = await SubmitAsync(Id(flow), new { screen = "previous", traits = new { email = address } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var step = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        FlowJson.Node(step.RootElement, "traits.email").GetProperty("attributes").GetProperty("type").GetString().ShouldBe("email");
        FlowJson.NodeValue(step.RootElement, "traits.email").ShouldBe(address);
        SubmitNode(step.RootElement, "method", "profile").GetProperty("group").GetString().ShouldBe("profile");
        Names(step.RootElement).ShouldNotContain("password");
        Names(step.RootElement).ShouldNotContain("screen");
        FlowJson.MessageIds(step.RootElement).ShouldBeEmpty();
    }

    [Fact]
    public async Task Browser_TwoStepsThroughFormsAndRedirects_SignsIn()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        using var started = await browser.GetAsync("/self-service/registration/browser");
        var flowId = FlowJson.FlowIdFromLocation(started);
        var address = NewEmail();
        string action, csrf;
        using (var flow = await browser.GetFlowAsync("registration", flowId))
        {
            action = flow.RootElement.GetProperty("ui").GetProperty("action").GetString()!;
            csrf = FlowJson.NodeValue(flow.RootElement, "csrf_token")!;
        }

        using var first = await browser.PostFormAsync(action, [new("csrf_token", csrf), new("method", "profile"), new("traits.email", address)]);
        first.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        FlowJson.FlowIdFromLocation(first).ShouldBe(flowId);
        using (var step = await browser.GetFlowAsync("registration", flowId))
        {
            FlowJson.MessageIds(step.RootElement).ShouldBe([1040009]);
            FlowJson.NodeValue(step.RootElement, "traits.email").ShouldBe(address);
        }

        using var second = await browser.PostFormAsync(action,
            [new("csrf_token", csrf), new("method", "password"), new("traits.email", address), new("password", Password)]);
        second.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await second.Content.ReadAsStringAsync());
        second.Headers.Location!.AbsolutePath.ShouldBe("/ui/welcome");
        using var whoami = await browser.SendJsonAsync(HttpMethod.Get, "/sessions/whoami", null);
        whoami.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    protected async Task<JsonDocument> NewApiFlowAsync()
    {
        using var response = await Server.Public.GetAsync("/self-service/registration/api");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    protected Task<HttpResponseMessage> SubmitAsync(string flowId, object body) =>
        Server.Public.PostAsJsonAsync($"/self-service/registration?flow={flowId}", body);

    protected static string Id(JsonDocument flow) => flow.RootElement.GetProperty("id").GetString()!;

    protected static string NewEmail() => $"two-step-{Guid.NewGuid():N}@example.com";

    protected static List<string?> Names(JsonElement flow) =>
        flow.GetProperty("ui").GetProperty("nodes").EnumerateArray()
            .Select(n => n.GetProperty("attributes").TryGetProperty("name", out var name) ? name.GetString() : null).ToList();

    protected static JsonElement SubmitNode(JsonElement flow, string name, string value) =>
        flow.GetProperty("ui").GetProperty("nodes").EnumerateArray().Single(n =>
            n.GetProperty("attributes") is var a && a.TryGetProperty("name", out var nm) && nm.GetString() == name
            && a.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String && v.GetString() == value);
}

public sealed class SqliteTwoStepRegistrationTests(SqliteFlowServer fixture) : TwoStepRegistrationTests(fixture), IClassFixture<SqliteFlowServer>;

public sealed class PostgresTwoStepRegistrationTests(PostgresFlowServer fixture) : TwoStepRegistrationTests(fixture), IClassFixture<PostgresFlowServer>;

/// <summary>The registration server with <c>selfservice.flows.registration.enable_legacy_one_step: true</c>.</summary>
public sealed class LegacyOneStepServer() : ServerFixture(DatabaseKind.Sqlite)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["cookies.secure"] = "false",
        ["selfservice.flows.registration.enable_legacy_one_step"] = "true",
    };
}

/// <summary><c>enable_legacy_one_step</c> restores the one-step form: traits in group <c>password</c> beside the password.</summary>
public sealed class LegacyOneStepRegistrationTests(LegacyOneStepServer fixture) : IClassFixture<LegacyOneStepServer>
{
    [Fact]
    public async Task LegacyOneStep_FormHasTraitsAndPasswordInGroupPasswordAndNoProfileStep()
    {
        using var response = await fixture.Server.Public.GetAsync("/self-service/registration/api");
        using var flow = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        FlowJson.Node(flow.RootElement, "traits.email").GetProperty("group").GetString().ShouldBe("password");
        FlowJson.Node(flow.RootElement, "password").GetProperty("group").GetString().ShouldBe("password");
        FlowJson.NodeValue(flow.RootElement, "method").ShouldBe("password");
        using var profile = await fixture.Server.Public.PostAsJsonAsync($"/self-service/registration?flow={flow.RootElement.GetProperty("id").GetString()}",
            new { method = "profile", traits = new { email = $"legacy-{Guid.NewGuid():N}@example.com" } });
        profile.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var refused = JsonDocument.Parse(await profile.Content.ReadAsStringAsync());
        FlowJson.MessageIds(refused.RootElement).ShouldNotContain(1040009);
    }
}
