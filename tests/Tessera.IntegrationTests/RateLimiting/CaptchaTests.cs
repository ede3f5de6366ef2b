// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.RateLimiting.LoginAttempts;

namespace Tessera.IntegrationTests.RateLimiting;

/// <summary>Issue 10, acceptance 3: the captcha verifier's verdicts and its absence.</summary>
public abstract class CaptchaTests(DatabaseKind kind)
{
    [Fact]
    public async Task Captcha_MissingRejectedAndAccepted_Answer400Then403ThenLogsIn()
    {
        await using var stub = await CaptchaVerifierStub.StartAsync();
        await using var server = await StartAsync(stub.VerifyUrl);
        var email = await NewAccountAsync(server);
        var flowId = await NewFlowAsync(server);
        using (var flow = JsonDocument.Parse(await server.Public.GetStringAsync($"/self-service/login/flows?id={flowId}")))
        {
            var node = FlowJson.Node(flow.RootElement, "captcha_turnstile_response");
            node.GetProperty("group").GetString().ShouldBe("captcha");
        }

        using (var missing = await SubmitAsync(server, flowId, new { method = "password", identifier = email, password = Password }))
        {
            missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            missing.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("captcha_token_missing");
        }

        stub.Success = false;
        using (var rejected = await SubmitAsync(server, flowId, new { method = "password", identifier = email, password = Password, captcha_turnstile_response = "token-1" }))
        {
            rejected.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            rejected.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("captcha_verification_failed");
        }

        var sent = stub.Requests.Single();
        sent["secret"].ShouldBe("test-secret");
        sent["response"].ShouldBe("token-1");
        sent["remoteip"].ShouldBe("127.0.0.1");
        using (var stored = JsonDocument.Parse(await server.Public.GetStringAsync($"/self-service/login/flows?id={flowId}")))
        {
            FlowJson.MessageIds(stored.RootElement).ShouldBe([4000038]);
        }

        stub.Success = true;
        using var accepted = await SubmitAsync(server, flowId, new { method = "password", identifier = email, password = Password, captcha_turnstile_response = "token-2" });
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Captcha_VerifierUnreachable_Answers503WithRetryCategoryFailure()
    {
        await using var server = await StartAsync(new Uri($"http://127.0.0.1:{FreePort.Next()}/siteverify"));
        var flowId = await NewFlowAsync(server, "registration");

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/self-service/registration?flow={flowId}")
        {
            Content = JsonContent.Create(new
            {
                method = "password", password = Password, traits = new { email = $"c-{Guid.NewGuid():N}@example.com" }, captcha_turnstile_response = "token",
            }),
        };
        request.Headers.Add("Accept", "application/problem+json");
        using var response = await server.Public.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("title").GetString().ShouldBe("captcha_unavailable");
        body.RootElement.GetProperty("retry").GetString().ShouldBe("failure");
    }

    [Fact]
    public async Task Captcha_WithAThreshold_IsRequiredOnlyOnceTheAddressHasSubmittedThatOften()
    {
        await using var stub = await CaptchaVerifierStub.StartAsync();
        await using var server = await StartAsync(stub.VerifyUrl, threshold: 3);
        var email = await NewAccountAsync(server);

        for (var i = 0; i < 2; i++)
        {
            using var wrong = await LoginAttempts.SubmitAsync(server, email, "wrong password 1");
            wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            wrong.Headers.Contains("Ory-Error-Id").ShouldBeFalse();
        }

        using var third = await LoginAttempts.SubmitAsync(server, email, Password);
        third.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        third.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("captcha_token_missing");
        var flowId = await NewFlowAsync(server);
        using var flow = JsonDocument.Parse(await server.Public.GetStringAsync($"/self-service/login/flows?id={flowId}"));
        FlowJson.Node(flow.RootElement, "captcha_turnstile_response").GetProperty("group").GetString().ShouldBe("captcha");
    }

    private Task<TesseraTestServer> StartAsync(Uri verifyUrl, int threshold = 0) => TesseraTestServer.StartAsync(kind, new Dictionary<string, string>
    {
        ["selfservice.captcha.enabled"] = "true",
        ["selfservice.captcha.secret"] = "test-secret",
        ["selfservice.captcha.verify_url"] = verifyUrl.AbsoluteUri,
        ["selfservice.captcha.threshold"] = threshold.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["selfservice.captcha.timeout"] = "2s",
    });

    private static Task<HttpResponseMessage> SubmitAsync(TesseraTestServer server, string flowId, object body) =>
        server.Public.PostAsJsonAsync($"/self-service/login?flow={flowId}", body);
}

public sealed class SqliteCaptchaTests() : CaptchaTests(DatabaseKind.Sqlite);

public sealed class PostgresCaptchaTests() : CaptchaTests(DatabaseKind.Postgres);
