// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.SelfService.Codes;
using static Tessera.IntegrationTests.SelfService.Codes.CodeFlowServer;

namespace Tessera.IntegrationTests.SelfService.KratosParity;

/// <summary>Issue 16: statuses where Tessera answered differently from Kratos v1.3.1 for the same request.</summary>
public abstract class SmallStatusTests(CodeFlowServer fixture)
{
    private const string Password = "a long enough passphrase 42";

    private static readonly string[] SignedOutFlows = ["registration", "recovery", "login"];

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task DeleteMySession_UnknownOrOtherIdentitysId_Is204AndLeavesTheOtherSessionAlone()
    {
        var token = await SignedInAsync();
        var otherToken = await SignedInAsync();
        var otherSessionId = (await WhoamiAsync(otherToken)).GetProperty("id").GetString();

        using var unknown = await SendAsync(HttpMethod.Delete, $"/sessions/{Guid.NewGuid()}", token);
        using var foreign = await SendAsync(HttpMethod.Delete, $"/sessions/{otherSessionId}", token);

        unknown.StatusCode.ShouldBe(HttpStatusCode.NoContent, await unknown.Content.ReadAsStringAsync());
        foreign.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await WhoamiAsync(otherToken)).GetProperty("id").GetString().ShouldBe(otherSessionId);
    }

    [Fact]
    public async Task Whoami_UnknownTokenizeAsTemplate_Is400NamingTheParameterWhileAnEmptyOneIsIgnored()
    {
        var token = await SignedInAsync();

        using var empty = await SendAsync(HttpMethod.Get, "/sessions/whoami?tokenize_as=", token);
        using var response = await SendAsync(HttpMethod.Get, "/sessions/whoami?tokenize_as=unknown", token);

        empty.StatusCode.ShouldBe(HttpStatusCode.OK, await empty.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("error").GetProperty("reason").GetString()!.ShouldContain("`tokenize_as`");
    }

    [Fact]
    public async Task NativeLogout_TokenOfNoSession_Is403()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/self-service/logout/api")
        {
            Content = JsonContent.Create(new { session_token = "ory_st_" + new string('a', 32) }),
        };

        using var response = await Server.Public.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, await response.Content.ReadAsStringAsync());
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("session_token_invalid");
    }

    [Fact]
    public async Task NativeLogout_WithoutAToken_Is400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/self-service/logout/api") { Content = JsonContent.Create(new { }) };

        using var response = await Server.Public.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("malformed_request");
    }

    [Theory]
    [InlineData("/self-service/registration")]
    [InlineData("/self-service/login")]
    [InlineData("/self-service/recovery")]
    [InlineData("/self-service/verification")]
    [InlineData("/self-service/settings")]
    [InlineData("/self-service/login?flow=not-a-flow-id")]
    public async Task UpdateFlow_WithoutAReadableFlowParameter_Is400NamingIt(string url)
    {
        using var response = await Server.Public.PostAsJsonAsync(url, new { method = "password" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("malformed_request");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("error").GetProperty("reason").GetString()!.ShouldContain("`flow`");
    }

    [Theory]
    [InlineData("registration")]
    [InlineData("recovery")]
    [InlineData("login")]
    public async Task CreateFlow_WithASession_SessionAlreadyAvailableNamesThatFlow(string kind)
    {
        var token = await SignedInAsync();

        using var response = await SendAsync(HttpMethod.Get, $"/self-service/{kind}/api", token);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("session_already_available");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var reason = body.RootElement.GetProperty("error").GetProperty("reason").GetString()!;
        reason.ShouldContain($"thus {kind} is not possible");
        foreach (var other in SignedOutFlows.Where(k => k != kind))
        {
            reason.ShouldNotContain(other);
        }
    }

    private async Task<string> SignedInAsync()
    {
        var email = NewEmail();
        var identityId = await TestIdentities.CreateAsync(Server, email, Password);

        // The code server's login hook wants a verified address: mark it verified through the admin API.
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/admin/identities/{identityId}")
        {
            Content = JsonContent.Create(new[] { new { op = "replace", path = "/verifiable_addresses/0/verified", value = (object)true } }),
        };
        using var patched = await Server.Admin.SendAsync(patch);
        patched.StatusCode.ShouldBe(HttpStatusCode.OK, await patched.Content.ReadAsStringAsync());

        using var response = await LoginAsync(Server, email, Password);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("session_token").GetString()!;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string token)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add("X-Session-Token", token);
        return await Server.Public.SendAsync(request);
    }

    private async Task<JsonElement> WhoamiAsync(string token)
    {
        using var response = await SendAsync(HttpMethod.Get, "/sessions/whoami", token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.Clone();
    }
}

public sealed class SqliteSmallStatusTests(SqliteCodeFlowServer fixture) : SmallStatusTests(fixture), IClassFixture<SqliteCodeFlowServer>;

public sealed class PostgresSmallStatusTests(PostgresCodeFlowServer fixture) : SmallStatusTests(fixture), IClassFixture<PostgresCodeFlowServer>;
