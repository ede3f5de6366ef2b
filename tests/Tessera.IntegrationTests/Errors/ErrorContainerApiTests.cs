// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Errors;

/// <summary>GET /self-service/errors and the error-UI redirect, on each database.</summary>
public abstract class ErrorContainerApiTests(ServerFixture fixture)
{
    private TesseraTestServer Server => fixture.Server;

    public static TheoryData<string, int> Stubs => new()
    {
        { "stub:400", 400 }, { "stub:403", 403 }, { "stub:404", 404 }, { "stub:410", 410 }, { "stub:422", 422 },
        { "stub:429", 429 }, { "stub:500", 500 }, { "stub:502", 502 }, { "stub:503", 503 },
    };

    [Theory]
    [MemberData(nameof(Stubs))]
    public async Task GetFlowError_Stub_Returns200WithTheStubbedError(string id, int code)
    {
        foreach (var client in new[] { Server.Public, Server.Admin })
        {
            using var response = await client.GetAsync($"/self-service/errors?id={Uri.EscapeDataString(id)}");

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            body["id"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
            body["error"]!["code"]!.GetValue<int>().ShouldBe(code);
            body["error"]!["message"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
            body["error"]!["id"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
            body["created_at"].ShouldNotBeNull();
            body["updated_at"].ShouldNotBeNull();
        }
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("8e2b6f0c-3c1f-4a55-9c55-2f7f3b8a1d11")]
    [InlineData("not-a-uuid")]
    [InlineData("stub:999")]
    [InlineData("' OR 1=1 --")]
    [InlineData("")]
    public async Task GetFlowError_UnknownOrMalformedId_Answers404EnvelopeWithErrorIdHeader(string id)
    {
        foreach (var client in new[] { Server.Public, Server.Admin })
        {
            using var response = await client.GetAsync($"/self-service/errors?id={Uri.EscapeDataString(id)}");

            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("self_service_error_not_found");
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            body["error"]!["code"]!.GetValue<int>().ShouldBe(404);
            body["error"]!["id"]!.GetValue<string>().ShouldBe("self_service_error_not_found");
            body["error"]!["request"]!.GetValue<string>().ShouldBe(response.Headers.GetValues("X-Request-Id").Single());
        }
    }

    [Fact]
    public async Task BrowserFailure_OutsideAFlow_RedirectsToTheErrorUi_AndTheContainerHoldsTheError()
    {
        var location = await FailAsBrowserAsync(Server);

        location.ShouldStartWith("/ui/error?id=");
        var id = location["/ui/error?id=".Length..];
        using var fetched = await Server.Public.GetAsync($"/self-service/errors?id={id}");
        fetched.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonNode.Parse(await fetched.Content.ReadAsStringAsync())!;
        body["id"]!.GetValue<string>().ShouldBe(id);
        body["error"]!["id"]!.GetValue<string>().ShouldBe("self_service_error_not_found");
        body["error"]!["code"]!.GetValue<int>().ShouldBe(404);

        using var page = await Server.Public.GetAsync(location);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await page.Content.ReadAsStringAsync()).ShouldContain("self_service_error_not_found");
    }

    [Fact]
    public async Task ErrorContainer_AfterTheLifespan_Answers404()
    {
        await using var server = await TesseraTestServer.StartAsync(fixture.Kind, new Dictionary<string, string> { ["selfservice.flows.error.lifespan"] = "1h" });
        var id = (await FailAsBrowserAsync(server))["/ui/error?id=".Length..];
        (await server.Public.GetAsync($"/self-service/errors?id={id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        server.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        using var response = await server.Public.GetAsync($"/self-service/errors?id={id}");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("self_service_error_not_found");
    }

    [Fact]
    public async Task BrowserFailure_WithConfiguredUiUrlFromEnvironment_RedirectsThere()
    {
        await using var server = await TesseraTestServer.StartAsync(fixture.Kind,
            environment: new Dictionary<string, string> { ["SELFSERVICE_FLOWS_ERROR_UI_URL"] = "https://ui.example.test/error?lang=en" });

        var location = await FailAsBrowserAsync(server);

        location.ShouldStartWith("https://ui.example.test/error?lang=en&id=");
        var id = location[(location.IndexOf("id=", StringComparison.Ordinal) + 3)..];
        (await server.Admin.GetAsync($"/self-service/errors?id={id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task BindToBrowser_FetchWithAnotherCsrfCookie_Answers403_AndTheSameBrowserReadsIt()
    {
        await using var server = await TesseraTestServer.StartAsync(fixture.Kind, new Dictionary<string, string> { ["selfservice.flows.error.bind_to_browser"] = "true" });
        var id = (await FailAsBrowserAsync(server, csrfCookie: "browser-a-token"))["/ui/error?id=".Length..];

        using var other = await FetchWithCookieAsync(server, server.Public, id, "browser-b-token");
        using var none = await FetchWithCookieAsync(server, server.Public, id, null);
        using var same = await FetchWithCookieAsync(server, server.Public, id, "browser-a-token");
        using var admin = await FetchWithCookieAsync(server, server.Admin, id, null);

        other.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        other.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("self_service_error_forbidden");
        none.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        same.StatusCode.ShouldBe(HttpStatusCode.OK);
        admin.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ProblemJson_SameFailure_HasEveryField()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/self-service/errors?id=does-not-exist");
        request.Headers.Accept.ParseAdd("application/problem+json");
        request.Headers.Add("X-Request-Id", "req-problem-1");

        using var response = await Server.Public.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("self_service_error_not_found");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body["title"]!.GetValue<string>().ShouldBe("self_service_error_not_found");
        body["status"]!.GetValue<int>().ShouldBe(404);
        body["detail"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        body["instance"]!.GetValue<string>().ShouldBe("/self-service/errors");
        DateTimeOffset.Parse(body["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(Server.Clock.GetUtcNow(), TimeSpan.FromSeconds(1));
        body["request_id"]!.GetValue<string>().ShouldBe("req-problem-1");
        body["context"].ShouldBeOfType<JsonObject>();
        body["retry"]!.GetValue<string>().ShouldBe("client");
        var docUrl = body["doc_url"]!.GetValue<string>();
        body["type"]!.GetValue<string>().ShouldBe(docUrl);
        body.ContainsKey("debug").ShouldBeFalse();

        using var docPage = await Server.Public.GetAsync(new Uri(docUrl));
        docPage.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await docPage.Content.ReadAsStringAsync()).ShouldContain("self_service_error_not_found");
    }

    [Fact]
    public async Task ErrorUi_FirstRead_MarksTheContainerSeen()
    {
        var id = Guid.Parse((await FailAsBrowserAsync(Server))["/ui/error?id=".Length..]);
        var store = (Tessera.Errors.Containers.ErrorContainerStore)Server.Services.GetService(typeof(Tessera.Errors.Containers.ErrorContainerStore))!;
        (await store.FindAsync(id))!.SeenAt.ShouldBeNull();

        (await Server.Public.GetAsync($"/self-service/errors?id={id}")).EnsureSuccessStatusCode();

        (await store.FindAsync(id))!.SeenAt.ShouldNotBeNull();
    }

    /// <summary>A browser navigation that really fails outside a flow: an unknown error id, asked for as HTML.</summary>
    internal static async Task<string> FailAsBrowserAsync(TesseraTestServer server, string? csrfCookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/self-service/errors?id={Guid.NewGuid()}");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (csrfCookie is not null)
        {
            request.Headers.Add("Cookie", $"{server.CsrfCookieName}={csrfCookie}");
        }

        using var response = await server.Public.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("self_service_error_not_found");
        return response.Headers.Location!.OriginalString;
    }

    private static async Task<HttpResponseMessage> FetchWithCookieAsync(TesseraTestServer server, HttpClient client, string id, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/self-service/errors?id={id}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{server.CsrfCookieName}={cookie}");
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task AdminSelfServiceErrors_Answers307ToThePublicEndpoint_KeepingTheQuery()
    {
        using var response = await Server.Admin.GetAsync("/admin/self-service/errors?id=stub%3A500&x=1");
        using var onPublic = await Server.Public.GetAsync("/admin/self-service/errors?id=stub:500");

        response.StatusCode.ShouldBe(HttpStatusCode.TemporaryRedirect);
        var location = response.Headers.Location!;
        location.ToString().ShouldBe(new Uri(Server.PublicUrl, "/self-service/errors?id=stub%3A500&x=1").ToString());
        using var followed = await Server.Public.GetAsync(location);
        followed.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonNode.Parse(await followed.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<int>().ShouldBe(500);
        onPublic.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteErrorContainerApiTests(SqliteServer fixture) : ErrorContainerApiTests(fixture), IClassFixture<SqliteServer>;

public sealed class PostgresErrorContainerApiTests(PostgresServer fixture) : ErrorContainerApiTests(fixture), IClassFixture<PostgresServer>;
