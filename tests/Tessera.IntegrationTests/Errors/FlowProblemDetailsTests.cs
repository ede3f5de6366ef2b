// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Errors;

/// <summary>
/// Issue 22, acceptance 1: a flow answer that carries errors is problem details for a client that asks for
/// <c>application/problem+json</c> (each message on its field as a JSON pointer, the flow for re-rendering), and the
/// Kratos flow JSON, unchanged, for everyone else.
/// </summary>
public sealed class FlowProblemDetailsTests(FlowProblemServer fixture) : IClassFixture<FlowProblemServer>
{
    private const string Password = "a long enough passphrase 42";
    private const string ProblemJson = "application/problem+json";

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task Login_WrongPasswordAskingForProblemJson_AnswersProblemDetailsWith4000006OnIdentifierAndPassword()
    {
        var email = await RegisterAsync();
        var flowId = await NewFlowIdAsync("login");

        using var response = await SubmitAsync("login", flowId, new { method = "password", identifier = email, password = "not the password 1" }, ProblemJson);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(ProblemJson);
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("credentials_invalid");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = problem.RootElement;
        root.GetProperty("title").GetString().ShouldBe("credentials_invalid");
        root.GetProperty("status").GetInt32().ShouldBe(400);
        root.GetProperty("instance").GetString().ShouldBe("/self-service/login");
        root.GetProperty("retry").GetString().ShouldBe("client");
        root.GetProperty("type").GetString().ShouldBe(root.GetProperty("doc_url").GetString());
        foreach (var member in new[] { "detail", "timestamp", "request_id", "context" })
        {
            root.TryGetProperty(member, out _).ShouldBeTrue(member);
        }

        var errors = root.GetProperty("errors").EnumerateArray().ToList();
        errors.Select(e => e.GetProperty("pointer").GetString()).ShouldBe(["#/identifier", "#/password"]);
        foreach (var error in errors)
        {
            error.GetProperty("id").GetInt32().ShouldBe(4000006);
            error.GetProperty("type").GetString().ShouldBe("error");
            error.GetProperty("text").GetString().ShouldNotBeNullOrWhiteSpace();
            error.GetProperty("context").ValueKind.ShouldBe(JsonValueKind.Object);
            error.GetProperty("error_id").GetString().ShouldBe("credentials_invalid");
            new Uri(error.GetProperty("doc_url").GetString()!).AbsolutePath.ShouldBe("/ui/errors/4000006");
        }

        var flow = root.GetProperty("flow");
        flow.GetProperty("id").GetString().ShouldBe(flowId);
        FlowJson.MessageIds(flow).ShouldBe([4000006]);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData(null)]
    public async Task Login_WrongPasswordAskingForJsonOrNothing_AnswersTheKratosFlowJsonByteForByte(string? accept)
    {
        var email = await RegisterAsync();
        var flowId = await NewFlowIdAsync("login");

        using var response = await SubmitAsync("login", flowId, new { method = "password", identifier = email, password = "not the password 1" }, accept);
        using var stored = await Server.Public.GetAsync($"/self-service/login/flows?id={flowId}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Headers.Contains("Ory-Error-Id").ShouldBeFalse();
        var body = await response.Content.ReadAsByteArrayAsync();
        body.ShouldBe(await stored.Content.ReadAsByteArrayAsync());
        using var flow = JsonDocument.Parse(body);
        FlowJson.MessageIds(flow.RootElement).ShouldBe([4000006]);
        flow.RootElement.TryGetProperty("errors", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Registration_ExistingIdentifierAskingForProblemJson_Answers409IdentityConflictOnTheTraits()
    {
        var email = await RegisterAsync();

        using var response = await SubmitAsync("registration", await NewFlowIdAsync("registration"), new { method = "password", password = Password, traits = new { email } }, ProblemJson);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("title").GetString().ShouldBe("identity_conflict");
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe(409);
        var error = problem.RootElement.GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
        error.GetProperty("pointer").GetString().ShouldBe("#/traits");
        error.GetProperty("id").GetInt32().ShouldBe(4000007);
        FlowJson.MessageIds(problem.RootElement.GetProperty("flow")).ShouldBe([4000007]);
    }

    [Fact]
    public async Task Registration_InvalidFieldsAskingForProblemJson_NamesEachFieldAsAJsonPointer()
    {
        using var response = await SubmitAsync("registration", await NewFlowIdAsync("registration"),
            new { method = "password", password = "short", traits = new { email = "not an address" } }, ProblemJson);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("title").GetString().ShouldBe("validation_failed");
        var errors = problem.RootElement.GetProperty("errors").EnumerateArray().ToList();
        errors.Select(e => e.GetProperty("pointer").GetString()).ShouldContain("#/traits/email");
        errors.ShouldAllBe(e => e.GetProperty("id").GetInt32() >= 4000001 && e.GetProperty("id").GetInt32() <= 4000099);
        problem.RootElement.GetProperty("detail").GetString()!.ShouldContain("#/traits/email");
        problem.RootElement.GetProperty("context").GetProperty("fields").EnumerateArray().Select(f => f.GetString()).ShouldContain("#/traits/email");
    }

    [Fact]
    public async Task Submit_ExpiredApiFlowAskingForProblemJson_Answers410WithTheReplacementFlow()
    {
        var flowId = await NewFlowIdAsync("login");
        Server.Clock.Advance(TimeSpan.FromSeconds(2));

        using var response = await SubmitAsync("login", flowId, new { method = "password", identifier = "a@example.com", password = "whatever 123" }, ProblemJson);

        response.StatusCode.ShouldBe(HttpStatusCode.Gone);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = problem.RootElement;
        root.GetProperty("title").GetString().ShouldBe("self_service_flow_expired");
        var replacement = root.GetProperty("flow").GetProperty("id").GetString();
        replacement.ShouldNotBe(flowId);
        root.GetProperty("context").GetProperty("use_flow_id").GetString().ShouldBe(replacement);
        var error = root.GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
        error.GetProperty("id").GetInt32().ShouldBe(4010001);
        error.GetProperty("pointer").GetString().ShouldBe("#");
    }

    [Fact]
    public async Task Verification_WrongCodeAskingForProblemJson_AnswersVerificationCodeInvalid()
    {
        var flowId = await NewFlowIdAsync("verification");
        using (var sent = await SubmitAsync("verification", flowId, new { method = "code", email = $"v-{Guid.NewGuid():N}@example.com" }, null))
        {
            sent.StatusCode.ShouldBe(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        }

        using var response = await SubmitAsync("verification", flowId, new { method = "code", code = "000000" }, ProblemJson);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("title").GetString().ShouldBe("verification_code_invalid");
        problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("id").GetInt32()).ShouldContain(4070006);
    }

    [Fact]
    public async Task Problem_EveryDocUrl_AnswersWithItsPage()
    {
        var email = await RegisterAsync();
        using var response = await SubmitAsync("login", await NewFlowIdAsync("login"), new { method = "password", identifier = email, password = "not the password 1" }, ProblemJson);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var urls = problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("doc_url").GetString()!)
            .Append(problem.RootElement.GetProperty("doc_url").GetString()!);
        foreach (var url in urls)
        {
            new Uri(url).IsLoopback.ShouldBeTrue(url);
            using var page = await Server.Public.GetAsync(new Uri(url).PathAndQuery);
            page.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        }
    }

    private async Task<string> RegisterAsync()
    {
        var email = $"problem-{Guid.NewGuid():N}@example.com";
        using var response = await SubmitAsync("registration", await NewFlowIdAsync("registration"), new { method = "password", password = Password, traits = new { email } }, null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return email;
    }

    private async Task<string> NewFlowIdAsync(string kind)
    {
        using var response = await Server.Public.GetAsync($"/self-service/{kind}/api");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var flow = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return flow.RootElement.GetProperty("id").GetString()!;
    }

    private async Task<HttpResponseMessage> SubmitAsync(string kind, string flowId, object body, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/self-service/{kind}?flow={flowId}") { Content = JsonContent.Create(body) };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return await Server.Public.SendAsync(request);
    }
}
