// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Projects;

/// <summary>Admin API calls with a bearer key (and optionally <c>Tessera-Project</c>), for the project and workspace key tests.</summary>
internal sealed class KeyedAdminClient(TesseraTestServer server, string? key, string? project = null)
{
    public TesseraTestServer Server => server;

    public KeyedAdminClient For(string projectHeader) => new(server, key, projectHeader);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (project is not null)
        {
            request.Headers.Add("Tessera-Project", project);
        }

        return await server.Admin.SendAsync(request);
    }

    public async Task<JsonElement> PostAsync(string path, object body) => await ExpectAsync(HttpMethod.Post, path, body, HttpStatusCode.Created);

    public async Task<JsonElement> GetAsync(string path) => await ExpectAsync(HttpMethod.Get, path, null, HttpStatusCode.OK);

    /// <summary>
    /// The error of a refused call, after checking its status and id: Kratos's envelope's <c>error</c>, or the whole body
    /// where Hydra's admin paths answer in their own form (the id is in <c>Ory-Error-Id</c> for both).
    /// </summary>
    public async Task<JsonElement> ShouldFailAsync(HttpMethod method, string path, HttpStatusCode status, string errorId, object? body = null)
    {
        using var response = await SendAsync(method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Headers.GetValues("Ory-Error-Id").ShouldBe([errorId], text);
        var root = JsonDocument.Parse(text).RootElement.Clone();
        return root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object ? error : root;
    }

    /// <summary>Creates an identity with the built-in schema and returns its id.</summary>
    public async Task<Guid> CreateIdentityAsync(string email) =>
        (await PostAsync("/admin/identities", new { schema_id = "default", traits = new { email } })).GetProperty("id").GetGuid();

    public async Task<IReadOnlyList<string>> IdentityEmailsAsync() =>
        (await GetAsync("/admin/identities")).EnumerateArray().Select(i => i.GetProperty("traits").GetProperty("email").GetString()!).ToList();

    private async Task<JsonElement> ExpectAsync(HttpMethod method, string path, object? body, HttpStatusCode status)
    {
        using var response = await SendAsync(method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
