// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tessera.IntegrationTests.Fixtures;

/// <summary>Sessions the way an API client holds one: a token from the password login API flow, shown to whoami.</summary>
internal static class ApiSessions
{
    /// <summary>Signs <paramref name="email"/> in through <c>/self-service/login/api</c>; returns the session token.</summary>
    public static async Task<string> LoginAsync(TesseraTestServer server, string email, string password)
    {
        using var created = await server.Public.GetAsync("/self-service/login/api");
        using var flow = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        using var response = await server.Public.PostAsJsonAsync($"/self-service/login?flow={flow.RootElement.GetProperty("id").GetString()}",
            new { method = "password", identifier = email, password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("session_token").GetString()!;
    }

    /// <summary>The status whoami answers for <paramref name="token"/> (sent as <c>X-Session-Token</c>).</summary>
    public static async Task<HttpStatusCode> WhoamiAsync(TesseraTestServer server, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sessions/whoami");
        request.Headers.Add("X-Session-Token", token);
        using var response = await server.Public.SendAsync(request);
        return response.StatusCode;
    }
}
