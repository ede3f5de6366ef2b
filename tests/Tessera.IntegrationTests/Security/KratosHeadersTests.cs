// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Security;

/// <summary>
/// Kratos's caching headers, byte for byte: <c>Cache-Control: private, no-cache, no-store, must-revalidate</c> on
/// flows, sessions and identities, and <c>Vary: Cookie</c> on the public answers that depend on cookies.
/// </summary>
public sealed class KratosHeadersTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    private const string KratosNoStore = "private, no-cache, no-store, must-revalidate";

    [Fact]
    public async Task FlowSessionAndIdentity_CarryKratosCacheControl_PublicOnesVaryByCookie()
    {
        var server = fixture.Server;
        var email = $"headers-{Guid.NewGuid():N}@example.com";
        var identityId = await TestIdentities.CreateAsync(server, email, "a long passphrase for headers 9");
        using var browser = new BrowserClient(server.PublicUrl);
        using var created = await browser.SendJsonAsync(HttpMethod.Get, "/self-service/login/browser", null);
        using var flow = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var flowId = flow.RootElement.GetProperty("id").GetString();
        using var fetched = await browser.SendJsonAsync(HttpMethod.Get, $"/self-service/login/flows?id={flowId}", null);
        using var login = await browser.SendJsonAsync(HttpMethod.Post, $"/self-service/login?flow={flowId}",
            new { method = "password", identifier = email, password = "a long passphrase for headers 9", csrf_token = FlowJson.NodeValue(flow.RootElement, "csrf_token") });
        using var whoami = await browser.SendJsonAsync(HttpMethod.Get, "/sessions/whoami", null);
        using var identity = await server.Admin.GetAsync($"/admin/identities/{identityId}");

        foreach (var (response, isPublic) in new[] { (created, true), (fetched, true), (login, true), (whoami, true), (identity, false) })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, response.RequestMessage!.RequestUri!.ToString());
            response.Headers.NonValidated["Cache-Control"].ToString().ShouldBe(KratosNoStore, response.RequestMessage.RequestUri.ToString());
            response.Headers.Vary.Contains("Cookie").ShouldBe(isPublic);
        }
    }
}
