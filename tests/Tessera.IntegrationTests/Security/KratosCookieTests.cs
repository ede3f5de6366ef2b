// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Security;

/// <summary>
/// The cookies as Kratos sets them: the CSRF cookie is <c>csrf_token_&lt;hex SHA-256 of the public base URL&gt;</c>
/// with a one-year Max-Age (nosurf's), and a persistent session cookie carries Max-Age up to the session's end.
/// </summary>
public sealed class KratosCookieTests
{
    private const string Password = "a long passphrase for cookies 7";

    [Fact]
    public async Task CsrfCookie_ConfiguredBaseUrl_IsNamedByItsHashWithOneYearMaxAge()
    {
        const string baseUrl = "http://127.0.0.1:4455/";
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string> { ["serve.public.base_url"] = baseUrl });

        var setCookie = await CsrfSetCookieAsync(server);

        var expectedName = "csrf_token_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(baseUrl)));
        setCookie.ShouldStartWith(expectedName + "=");
        server.CsrfCookieName.ShouldBe(expectedName);
        setCookie.ToLowerInvariant().ShouldContain("max-age=31536000");
        setCookie.ToLowerInvariant().ShouldContain("httponly");
    }

    [Fact]
    public async Task CsrfCookie_NoBaseUrl_IsNamedByTheListenerUrl()
    {
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite);

        var setCookie = await CsrfSetCookieAsync(server);

        setCookie.ShouldStartWith("csrf_token_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(server.PublicUrl.AbsoluteUri))) + "=");
    }

    [Fact]
    public async Task SessionCookie_Persistent_CarriesMaxAgeOfTheLifespan()
    {
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string> { ["session.lifespan"] = "2h" });

        var setCookie = await SessionSetCookieAsync(server);

        setCookie.ToLowerInvariant().ShouldContain("max-age=7200");
        setCookie.ToLowerInvariant().ShouldContain("expires=");
    }

    [Fact]
    public async Task SessionCookie_NotPersistent_EndsWithTheBrowserSession()
    {
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string> { ["session.cookie.persistent"] = "false" });

        var setCookie = await SessionSetCookieAsync(server);

        setCookie.ToLowerInvariant().ShouldNotContain("max-age");
        setCookie.ToLowerInvariant().ShouldNotContain("expires=");
    }

    private static async Task<string> CsrfSetCookieAsync(TesseraTestServer server)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/self-service/login/browser");
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await server.Public.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("csrf_token", StringComparison.Ordinal));
    }

    private static async Task<string> SessionSetCookieAsync(TesseraTestServer server)
    {
        var email = $"cookie-{Guid.NewGuid():N}@example.com";
        await TestIdentities.CreateAsync(server, email, Password);
        using var start = new HttpRequestMessage(HttpMethod.Get, "/self-service/login/browser");
        start.Headers.Accept.ParseAdd("application/json");
        using var started = await server.Public.SendAsync(start);
        var csrfCookie = started.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(server.CsrfCookieName + "=", StringComparison.Ordinal)).Split(';')[0];
        using var flow = JsonDocument.Parse(await started.Content.ReadAsStringAsync());
        using var submit = new HttpRequestMessage(HttpMethod.Post, $"/self-service/login?flow={flow.RootElement.GetProperty("id").GetString()}")
        {
            Content = JsonContent.Create(new { method = "password", identifier = email, password = Password, csrf_token = FlowJson.NodeValue(flow.RootElement, "csrf_token") }),
        };
        submit.Headers.Accept.ParseAdd("application/json");
        submit.Headers.Add("Cookie", csrfCookie);

        using var response = await server.Public.SendAsync(submit);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ory_kratos_session=", StringComparison.Ordinal));
    }
}
