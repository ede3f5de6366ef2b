// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Hosting;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;
using Tessera.Security.ApiKeys;

namespace Tessera.IntegrationTests.Security;

/// <summary>serve.admin.auth over real HTTP: keys created, used, listed and revoked through the admin API.</summary>
public abstract partial class AdminApiKeyTests(DatabaseKind kind)
{
    private const string Protected = "/admin/identities";

    [Fact]
    public async Task AdminApi_WithZeroConfigurationAndNoKey_StaysOpen()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);

        using var response = await server.Admin.GetAsync(Protected);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AdminApi_AfterAKeyExists_WithoutKey_Answers401WithBearerChallenge()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        await CreateKeyAsync(server, null);

        using var response = await server.Admin.GetAsync(Protected);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
        (await ErrorIdAsync(response)).ShouldBe("api_key_missing");
    }

    [Fact]
    public async Task AdminApi_WithKey_Answers200()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var key = await CreateKeyAsync(server, null);

        using var response = await SendAsync(server, HttpMethod.Get, Protected, key.Value);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AdminApi_WithRevokedKey_Answers401()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var admin = await CreateKeyAsync(server, null);
        var revoked = await CreateKeyAsync(server, admin.Value);
        using (var revoke = await SendAsync(server, HttpMethod.Delete, $"/admin/api-keys/{revoked.Id}", admin.Value))
        {
            revoke.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        using var response = await SendAsync(server, HttpMethod.Get, Protected, revoked.Value);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldContain("invalid_token");
        (await ErrorIdAsync(response)).ShouldBe("api_key_invalid");
    }

    [Fact]
    public async Task AdminApi_WithExpiredKey_Answers401()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var key = await CreateKeyAsync(server, null, server.Clock.GetUtcNow().AddMinutes(5));
        server.Clock.Advance(TimeSpan.FromMinutes(6));

        using var response = await SendAsync(server, HttpMethod.Get, Protected, key.Value);

        (await ErrorIdAsync(response)).ShouldBe("api_key_invalid");
    }

    [Fact]
    public async Task AdminApi_WithKeyWhoseChecksumIsWrong_Answers401()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var key = await CreateKeyAsync(server, null);
        var tampered = key.Value[..^1] + (key.Value[^1] == 'a' ? 'b' : 'a');

        using var response = await SendAsync(server, HttpMethod.Get, Protected, tampered);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Listing_NeverShowsTheKey_AndTheDatabaseHoldsOnlyItsHash()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var key = await CreateKeyAsync(server, null);
        key.Value.ShouldStartWith("tessera_admin_");

        using var list = await SendAsync(server, HttpMethod.Get, "/admin/api-keys", key.Value);
        using var one = await SendAsync(server, HttpMethod.Get, $"/admin/api-keys/{key.Id}", key.Value);

        var listed = await list.Content.ReadAsStringAsync();
        listed.ShouldNotContain(key.Value[14..24]);
        listed.ShouldNotContain("\"value\"");
        (await one.Content.ReadAsStringAsync()).ShouldNotContain(key.Value[14..24]);
        using var document = JsonDocument.Parse(listed);
        document.RootElement.EnumerateArray().Single().GetProperty("id").GetGuid().ShouldBe(key.Id);
        await using var connection = await server.Services.GetRequiredService<Database>().OpenAsync();
        var row = (IDictionary<string, object>)await connection.QuerySingleAsync("SELECT * FROM api_keys");
        var secretPart = key.Value[14..24];
        row.Values.OfType<string>().Where(v => v.Contains(secretPart, StringComparison.Ordinal)).ShouldBeEmpty();
        row["key_hash"].ShouldBe(ApiKeyFormat.Hash(key.Value));
    }

    [Fact]
    public async Task Create_WithoutName_Answers400()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);

        using var response = await server.Admin.PostAsJsonAsync("/admin/api-keys", new { expires_at = "2001-01-01T00:00:00Z" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorIdAsync(response)).ShouldBe("api_key_request_invalid");
    }

    [Fact]
    public async Task EveryAdminEndpoint_WhenKeysAreRequired_Answers401WithoutKey_WhileHealthStaysOpen()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string> { ["serve.admin.auth.required"] = "true" });
        var adminOnly = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<SurfaceMetadata>()?.Surfaces == Surface.Admin).ToList();
        // Only Kratos's admin copies of health and version and the error redirect are open, as their public twins are,
        // and the console's sign-in form; console pages send a browser without a console session to that form.
        var console = adminOnly.Where(e => e.Metadata.GetMetadata<Tessera.OperatorConsole.ConsoleSessionRequiredMetadata>() is not null).ToList();
        var open = adminOnly.Where(e => e.Metadata.GetMetadata<AdminKeyRequiredMetadata>() is null).Except(console).ToList();
        open.Select(e => e.RoutePattern.RawText).Distinct().ShouldBe(
            ["/admin/health/alive", "/admin/health/ready", "/admin/version", "/admin/self-service/errors", "/console/sign-in"], ignoreOrder: true);
        var endpoints = adminOnly.Except(open).Except(console).ToList();
        console.ShouldNotBeEmpty();
        foreach (var endpoint in console)
        {
            var path = RouteParameter().Replace(endpoint.RoutePattern.RawText!, Guid.NewGuid().ToString());
            foreach (var method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new FormUrlEncodedContent([]) };
                using var response = await server.Admin.SendAsync(request);
                response.StatusCode.ShouldBe(HttpStatusCode.SeeOther, $"{method} {path}");
                response.Headers.Location!.OriginalString.ShouldBe("/console/sign-in", $"{method} {path}");
            }
        }

        endpoints.Count.ShouldBeGreaterThan(10);

        foreach (var endpoint in endpoints)
        {
            var path = RouteParameter().Replace(endpoint.RoutePattern.RawText!, Guid.NewGuid().ToString());
            // An endpoint without method metadata (the Prometheus scrape at /metrics) answers every method: GET stands for them.
            foreach (var method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) };
                using var response = await server.Admin.SendAsync(request);
                response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"{method} {path}");
            }
        }

        using var health = await server.Admin.GetAsync("/health/alive");
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var version = await server.Admin.GetAsync("/version");
        version.StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var path in new[] { "/admin/health/alive", "/admin/health/ready", "/admin/version" })
        {
            using var response = await server.Admin.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        }
    }

    [Fact]
    public async Task AdminApi_WhenRequiredWithKeyMadeInProcess_Answers200()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string> { ["serve.admin.auth.required"] = "true" });
        var (_, value) = await server.Services.GetRequiredService<ApiKeyService>().CreateAsync(ApiKeyKind.Admin, "bootstrap", null);

        using var response = await SendAsync(server, HttpMethod.Get, Protected, value);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AdminApi_WhenAuthIsOff_StaysOpenEvenWithKeys()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string> { ["serve.admin.auth.required"] = "false" });
        await CreateKeyAsync(server, null);

        using var response = await server.Admin.GetAsync(Protected);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<(Guid Id, string Value)> CreateKeyAsync(TesseraTestServer server, string? auth, DateTimeOffset? expiresAt = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/api-keys")
        {
            Content = JsonContent.Create(new Dictionary<string, object?> { ["name"] = "test", ["expires_at"] = expiresAt?.ToString("O") }),
        };
        if (auth is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", auth);
        }

        using var response = await server.Admin.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (body.RootElement.GetProperty("id").GetGuid(), body.RootElement.GetProperty("value").GetString()!);
    }

    private static async Task<HttpResponseMessage> SendAsync(TesseraTestServer server, HttpMethod method, string path, string key)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await server.Admin.SendAsync(request);
    }

    private static async Task<string?> ErrorIdAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetProperty("id").GetString();
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}

public sealed class SqliteAdminApiKeyTests() : AdminApiKeyTests(DatabaseKind.Sqlite);

public sealed class PostgresAdminApiKeyTests() : AdminApiKeyTests(DatabaseKind.Postgres);
