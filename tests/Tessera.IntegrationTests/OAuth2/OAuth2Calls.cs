// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.OAuth2;

/// <summary>The HTTP calls OAuth2 tests share: creating clients through the admin API and asking for tokens.</summary>
public static class OAuth2Calls
{
    public static async Task<JsonObject> CreateClientAsync(TesseraTestServer server, string clientJson)
    {
        using var response = await server.Admin.PostAsync("/admin/clients", new StringContent(clientJson, Encoding.UTF8, "application/json"));
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return body;
    }

    /// <summary>A confidential client_credentials client; returns its id and the secret shown once.</summary>
    public static async Task<(string Id, string Secret)> CreateServiceClientAsync(TesseraTestServer server, string method = "client_secret_basic", string scope = "read write")
    {
        var body = await CreateClientAsync(server, new JsonObject
        {
            ["client_name"] = "service",
            ["grant_types"] = new JsonArray("client_credentials"),
            ["token_endpoint_auth_method"] = method,
            ["scope"] = scope,
            ["audience"] = new JsonArray("https://api.example.test"),
        }.ToJsonString());
        return (body["client_id"]!.ToString(), body["client_secret"]!.ToString());
    }

    public static HttpRequestMessage TokenRequest(IEnumerable<KeyValuePair<string, string>> form, (string Id, string Secret)? basic = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/oauth2/token") { Content = new FormUrlEncodedContent(form) };
        if (basic is { } credentials)
        {
            var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(credentials.Id)}:{Uri.EscapeDataString(credentials.Secret)}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", encoded);
        }

        return request;
    }

    public static async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, text.Length == 0 ? new JsonObject() : (JsonObject)JsonNode.Parse(text)!);
        }
    }

    public static Dictionary<string, string> Form(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);
}
