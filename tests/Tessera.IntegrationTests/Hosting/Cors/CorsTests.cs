// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Hosting.Cors;

/// <summary>
/// <c>serve.public.cors</c> / <c>serve.admin.cors</c> (Kratos's keys and defaults): a single-page app on a listed
/// origin may call Tessera with cookies, errors included; other origins get no CORS headers; <c>*</c> never
/// carries credentials.
/// </summary>
public sealed class CorsTests(CorsServer fixture) : IClassFixture<CorsServer>
{
    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task ListedOrigin_Whoami_IsAllowedWithCredentialsAndExposedHeaders()
    {
        using var response = await SendAsync(Server.Public, HttpMethod.Get, "/sessions/whoami", CorsServer.App);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        Header(response, "Access-Control-Allow-Origin").ShouldBe(CorsServer.App);
        Header(response, "Access-Control-Allow-Credentials").ShouldBe("true");
        Header(response, "Access-Control-Expose-Headers").ShouldBe("Content-Type");
        response.Headers.Vary.ShouldContain("Origin");
    }

    [Theory]
    [InlineData("https://shop.example.org")]
    [InlineData("https://a.b.example.org")]
    [InlineData("HTTPS://Shop.Example.org")]
    public async Task WildcardSubdomain_MatchingOrigin_IsReflected(string origin)
    {
        using var response = await SendAsync(Server.Public, HttpMethod.Get, "/sessions/whoami", origin);

        Header(response, "Access-Control-Allow-Origin").ShouldBe(origin);
        Header(response, "Access-Control-Allow-Credentials").ShouldBe("true");
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://example.org.evil.example")]
    [InlineData("http://shop.example.org")]
    [InlineData("https://app.example.com.evil.example")]
    [InlineData("null")]
    public async Task UnlistedOrigin_GetsNoCorsHeaders(string origin)
    {
        using var response = await SendAsync(Server.Public, HttpMethod.Get, "/sessions/whoami", origin);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        Header(response, "Access-Control-Allow-Origin").ShouldBeNull();
        Header(response, "Access-Control-Allow-Credentials").ShouldBeNull();
    }

    [Fact]
    public async Task Preflight_ListedOrigin_Answers204WithTheRequestedMethodAndHeaders()
    {
        using var response = await SendAsync(Server.Public, HttpMethod.Options, "/self-service/login?flow=00000000-0000-0000-0000-000000000001", CorsServer.App,
            r =>
            {
                r.Headers.Add("Access-Control-Request-Method", "POST");
                r.Headers.Add("Access-Control-Request-Headers", "content-type, x-csrf-token");
            });

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Header(response, "Access-Control-Allow-Origin").ShouldBe(CorsServer.App);
        Header(response, "Access-Control-Allow-Credentials").ShouldBe("true");
        Header(response, "Access-Control-Allow-Methods").ShouldBe("POST");
        Header(response, "Access-Control-Allow-Headers").ShouldBe("content-type, x-csrf-token");
        Header(response, "Access-Control-Max-Age").ShouldBe("600");
    }

    [Theory]
    [InlineData("https://evil.example", "POST", "content-type")]
    [InlineData(CorsServer.App, "TRACE", "content-type")]
    [InlineData(CorsServer.App, "POST", "x-not-allowed")]
    public async Task Preflight_RefusedOriginMethodOrHeader_CarriesNoCorsHeaders(string origin, string method, string headers)
    {
        using var response = await SendAsync(Server.Public, HttpMethod.Options, "/self-service/login", origin, r =>
        {
            r.Headers.Add("Access-Control-Request-Method", method);
            r.Headers.Add("Access-Control-Request-Headers", headers);
        });

        ((int)response.StatusCode).ShouldBeLessThan(300);
        Header(response, "Access-Control-Allow-Origin").ShouldBeNull();
        Header(response, "Access-Control-Allow-Methods").ShouldBeNull();
    }

    [Theory]
    [InlineData("/self-service/login/flows?id=00000000-0000-0000-0000-000000000000", HttpStatusCode.NotFound)]
    [InlineData("/self-service/login/browser?return_to=https://evil.example/", HttpStatusCode.BadRequest)]
    [InlineData("/no/such/route", HttpStatusCode.NotFound)]
    public async Task ErrorAnswer_ToListedOrigin_CarriesCorsHeaders(string path, HttpStatusCode status)
    {
        using var response = await SendAsync(Server.Public, HttpMethod.Get, path, CorsServer.App);

        response.StatusCode.ShouldBe(status);
        Header(response, "Access-Control-Allow-Origin").ShouldBe(CorsServer.App);
        Header(response, "Access-Control-Allow-Credentials").ShouldBe("true");
    }

    [Fact]
    public async Task ApiFlow_FromListedOrigin_IsReadable()
    {
        using var response = await SendAsync(Server.Public, HttpMethod.Get, "/self-service/login/api", CorsServer.App);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(response, "Access-Control-Allow-Origin").ShouldBe(CorsServer.App);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("id").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task AdminSurface_HasItsOwnOrigins()
    {
        using var admin = await SendAsync(Server.Admin, HttpMethod.Get, "/admin/identities", CorsServer.AdminConsole);
        using var publicOriginOnAdmin = await SendAsync(Server.Admin, HttpMethod.Get, "/admin/identities", CorsServer.App);
        using var adminOriginOnPublic = await SendAsync(Server.Public, HttpMethod.Get, "/sessions/whoami", CorsServer.AdminConsole);

        Header(admin, "Access-Control-Allow-Origin").ShouldBe(CorsServer.AdminConsole);
        Header(admin, "Access-Control-Allow-Credentials").ShouldBeNull();
        Header(publicOriginOnAdmin, "Access-Control-Allow-Origin").ShouldBeNull();
        Header(adminOriginOnPublic, "Access-Control-Allow-Origin").ShouldBeNull();
    }

    [Fact]
    public async Task AnyOrigin_IsAnsweredWithStarAndNeverWithCredentials()
    {
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string>
        {
            ["serve.public.cors.enabled"] = "true",
        });

        using var simple = await SendAsync(server.Public, HttpMethod.Get, "/sessions/whoami", "https://anywhere.example");
        using var preflight = await SendAsync(server.Public, HttpMethod.Options, "/sessions/whoami", "https://anywhere.example",
            r => r.Headers.Add("Access-Control-Request-Method", "GET"));

        Header(simple, "Access-Control-Allow-Origin").ShouldBe("*");
        Header(simple, "Access-Control-Allow-Credentials").ShouldBeNull();
        Header(preflight, "Access-Control-Allow-Origin").ShouldBe("*");
        Header(preflight, "Access-Control-Allow-Credentials").ShouldBeNull();
    }

    [Fact]
    public async Task Disabled_ByDefault_NoCorsHeadersOnEitherListener()
    {
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite);

        using var publicAnswer = await SendAsync(server.Public, HttpMethod.Get, "/sessions/whoami", "https://anywhere.example");
        using var adminAnswer = await SendAsync(server.Admin, HttpMethod.Get, "/admin/identities", "https://anywhere.example");

        Header(publicAnswer, "Access-Control-Allow-Origin").ShouldBeNull();
        Header(adminAnswer, "Access-Control-Allow-Origin").ShouldBeNull();
    }

    [Fact]
    public async Task Preflight_WithTheDatabaseStopped_IsStillAnswered()
    {
        await using var cluster = await PostgresCluster.StartNewAsync();
        var dsn = await cluster.CreateDatabaseAsync() + "&connect_timeout=2&statement_timeout=2s";
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Postgres, new Dictionary<string, string>
        {
            ["serve.public.cors.enabled"] = "true",
            ["serve.public.cors.allowed_origins"] = $"[\"{CorsServer.App}\"]",
        }, dsn: dsn);
        await cluster.StopAsync();

        using var whoami = await SendAsync(server.Public, HttpMethod.Get, "/sessions/whoami", CorsServer.App,
            r => r.Headers.Add("Cookie", "ory_kratos_session=some-token"));
        using var preflight = await SendAsync(server.Public, HttpMethod.Options, "/sessions/whoami", CorsServer.App, r =>
        {
            r.Headers.Add("Access-Control-Request-Method", "GET");
            r.Headers.Add("Access-Control-Request-Headers", "x-session-token");
        });

        whoami.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        Header(whoami, "Access-Control-Allow-Origin").ShouldBe(CorsServer.App);
        preflight.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Header(preflight, "Access-Control-Allow-Origin").ShouldBe(CorsServer.App);
        Header(preflight, "Access-Control-Allow-Headers").ShouldBe("x-session-token");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string origin, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("Origin", origin);
        request.Headers.Add("Accept", "application/json");
        configure?.Invoke(request);
        return await client.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
