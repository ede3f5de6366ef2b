// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.RateLimiting;

/// <summary>API-client login attempts against a test server, optionally claiming a client address.</summary>
internal static class LoginAttempts
{
    public const string Password = "a long enough passphrase 42";

    public static async Task<string> NewAccountAsync(TesseraTestServer server)
    {
        var email = $"rl-{Guid.NewGuid():N}@example.com";
        await TestIdentities.CreateAsync(server, email, Password);
        return email;
    }

    public static async Task<string> NewFlowAsync(TesseraTestServer server, string kind = "login")
    {
        using var response = await server.Public.GetAsync($"/self-service/{kind}/api");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var flow = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return flow.RootElement.GetProperty("id").GetString()!;
    }

    public static async Task<HttpResponseMessage> SubmitAsync(
        TesseraTestServer server, string identifier, string password, string? forwardedFor = null, string? accept = null, string? flowId = null)
    {
        flowId ??= await NewFlowAsync(server);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/self-service/login?flow={flowId}")
        {
            Content = JsonContent.Create(new { method = "password", identifier, password }),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        if (accept is not null)
        {
            request.Headers.Add("Accept", accept);
        }

        return await server.Public.SendAsync(request);
    }

    /// <summary>Submits <paramref name="count"/> wrong passwords on one flow; returns the statuses in order.</summary>
    public static async Task<List<HttpStatusCode>> FailAsync(TesseraTestServer server, string identifier, int count, string? forwardedFor = null)
    {
        var flowId = await NewFlowAsync(server);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await SubmitAsync(server, identifier, $"wrong password {i}", forwardedFor, flowId: flowId);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    public static int RetryAfterSeconds(HttpResponseMessage response) =>
        (int)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
}
