// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Mfa;

/// <summary>The API-client steps of the MFA tests: register, log in, set up a second factor, submit an aal2 flow.</summary>
internal static class MfaJourney
{
    public const string Password = "a long enough passphrase 42";

    public static async Task<(string Email, string Token)> RegisterAsync(TesseraTestServer server)
    {
        var email = $"mfa-{Guid.NewGuid():N}@example.com";
        using var created = await server.Public.GetAsync("/self-service/registration/api");
        var flowId = (await JsonAsync(created)).GetProperty("id").GetString();
        using var response = await server.Public.PostAsJsonAsync($"/self-service/registration?flow={flowId}",
            new { method = "password", password = Password, traits = new { email } });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (email, (await JsonAsync(response)).GetProperty("session_token").GetString()!);
    }

    public static async Task<string> LoginAsync(TesseraTestServer server, string email)
    {
        using var created = await server.Public.GetAsync("/self-service/login/api");
        var flowId = (await JsonAsync(created)).GetProperty("id").GetString();
        using var response = await server.Public.PostAsJsonAsync($"/self-service/login?flow={flowId}", new { method = "password", identifier = email, password = Password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await JsonAsync(response);
        body.GetProperty("session").GetProperty("authenticator_assurance_level").GetString().ShouldBe("aal1");
        return body.GetProperty("session_token").GetString()!;
    }

    /// <summary>Links an authenticator app in settings; returns its base32 secret as the flow showed it.</summary>
    public static async Task<string> EnableTotpAsync(TesseraTestServer server, string token)
    {
        using var flow = await SendAsync(server, HttpMethod.Get, "/self-service/settings/api", token, null);
        var json = await JsonAsync(flow);
        var nodes = json.GetProperty("ui").GetProperty("nodes").EnumerateArray().ToList();
        nodes.Single(n => n.GetProperty("attributes").TryGetProperty("id", out var id) && id.GetString() == "totp_qr")
            .GetProperty("attributes").GetProperty("src").GetString()!.ShouldStartWith("data:image/png;base64,");
        var secret = nodes.Single(n => n.GetProperty("attributes").TryGetProperty("id", out var id) && id.GetString() == "totp_secret_key")
            .GetProperty("attributes").GetProperty("text").GetProperty("context").GetProperty("secret").GetString()!;

        using var linked = await SendAsync(server, HttpMethod.Post, $"/self-service/settings?flow={json.GetProperty("id").GetString()}", token,
            new { method = "totp", totp_code = TestTotp.Code(secret, server.Clock.GetUtcNow()) });
        linked.StatusCode.ShouldBe(HttpStatusCode.OK, await linked.Content.ReadAsStringAsync());
        (await JsonAsync(linked)).GetProperty("state").GetString().ShouldBe("success");
        return secret;
    }

    /// <summary>Generates and confirms backup codes in settings; returns the twelve codes.</summary>
    public static async Task<List<string>> EnableBackupCodesAsync(TesseraTestServer server, string token)
    {
        var flowId = await NewSettingsFlowIdAsync(server, token);
        using var regenerated = await SendAsync(server, HttpMethod.Post, $"/self-service/settings?flow={flowId}", token, new { method = "lookup_secret", lookup_secret_regenerate = true });
        regenerated.StatusCode.ShouldBe(HttpStatusCode.OK, await regenerated.Content.ReadAsStringAsync());
        var codes = CodesFrom(await JsonAsync(regenerated));
        using var confirmed = await SendAsync(server, HttpMethod.Post, $"/self-service/settings?flow={flowId}", token, new { method = "lookup_secret", lookup_secret_confirm = true });
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        return codes;
    }

    /// <summary>A new aal2 login flow for the session; returns its id.</summary>
    public static async Task<string> NewAal2FlowAsync(TesseraTestServer server, string token)
    {
        using var created = await SendAsync(server, HttpMethod.Get, "/self-service/login/api?aal=aal2", token, null);
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var flow = await JsonAsync(created);
        flow.GetProperty("requested_aal").GetString().ShouldBe("aal2");
        return flow.GetProperty("id").GetString()!;
    }

    public static async Task<HttpResponseMessage> SecondFactorAsync(TesseraTestServer server, string token, object body) =>
        await SubmitAal2Async(server, token, await NewAal2FlowAsync(server, token), body);

    /// <summary>Submits an aal2 login flow, optionally through the trusted proxy on behalf of <paramref name="forwardedFor"/>.</summary>
    public static Task<HttpResponseMessage> SubmitAal2Async(TesseraTestServer server, string token, string flowId, object body, string? forwardedFor = null) =>
        SendAsync(server, HttpMethod.Post, $"/self-service/login?flow={flowId}", token, body, forwardedFor);

    public static async Task<string> NewSettingsFlowIdAsync(TesseraTestServer server, string token)
    {
        using var response = await SendAsync(server, HttpMethod.Get, "/self-service/settings/api", token, null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await JsonAsync(response)).GetProperty("id").GetString()!;
    }

    public static async Task<HttpResponseMessage> SendAsync(
        TesseraTestServer server, HttpMethod method, string url, string token, object? body, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add("X-Session-Token", token);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await server.Public.SendAsync(request);
    }

    public static List<string> CodesFrom(JsonElement flow) =>
        flow.GetProperty("ui").GetProperty("nodes").EnumerateArray()
            .Single(n => n.GetProperty("attributes").TryGetProperty("id", out var id) && id.GetString() == "lookup_secret_codes")
            .GetProperty("attributes").GetProperty("text").GetProperty("context").GetProperty("secrets").GetString()!
            .Split(", ").ToList();

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
