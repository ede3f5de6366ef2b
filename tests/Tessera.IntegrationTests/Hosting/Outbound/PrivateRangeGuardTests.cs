// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json.Nodes;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Hosting.Outbound;

/// <summary>
/// Issue 17 finding 6b: <c>clients.http.disallow_private_ip_ranges</c> refuses a web hook to a loopback receiver
/// before any connection, and <c>private_ip_exception_urls</c> lets a listed URL through.
/// </summary>
public abstract class PrivateRangeGuardTests(DatabaseKind kind)
{
    [Fact]
    public async Task WebHookToLoopback_PrivateRangesDisallowed_Answers502AndTheReceiverIsNeverCalled()
    {
        await using var receiver = await WebHookReceiver.StartAsync();
        await using var server = await StartAsync(receiver.UrlFor("/before"), exceptions: []);

        using var response = await server.Public.GetAsync("/self-service/registration/api");

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway, await response.Content.ReadAsStringAsync());
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("upstream_error");
        receiver.ReceivedFor("/before", string.Empty).ShouldBeEmpty();
    }

    [Fact]
    public async Task WebHookToLoopback_UrlInTheExceptionList_GoesThrough()
    {
        await using var receiver = await WebHookReceiver.StartAsync();
        var url = receiver.UrlFor("/before");
        await using var server = await StartAsync(url, exceptions: [url]);

        using var response = await server.Public.GetAsync("/self-service/registration/api");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        receiver.ReceivedFor("/before", string.Empty).Count.ShouldBe(1);
    }

    [Fact]
    public async Task WebHookToLoopback_ExceptionForAnotherPathOnTheSamePort_IsStillRefused()
    {
        await using var receiver = await WebHookReceiver.StartAsync();
        await using var server = await StartAsync(receiver.UrlFor("/before"), exceptions: [receiver.UrlFor("/other")]);

        using var response = await server.Public.GetAsync("/self-service/registration/api");

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        receiver.ReceivedFor("/before", string.Empty).ShouldBeEmpty();
    }

    private Task<TesseraTestServer> StartAsync(string hookUrl, string[] exceptions) => TesseraTestServer.StartAsync(kind, new Dictionary<string, string>
    {
        ["clients.http.disallow_private_ip_ranges"] = "true",
        ["clients.http.private_ip_exception_urls"] = new JsonArray(exceptions.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray()).ToJsonString(),
        ["selfservice.flows.registration.before.hooks"] = new JsonArray(new JsonObject
        {
            ["hook"] = "web_hook",
            ["config"] = new JsonObject { ["url"] = hookUrl, ["method"] = "POST", ["can_interrupt"] = true, ["timeout"] = "2s" },
        }).ToJsonString(),
    });
}

public sealed class SqlitePrivateRangeGuardTests() : PrivateRangeGuardTests(DatabaseKind.Sqlite);

public sealed class PostgresPrivateRangeGuardTests() : PrivateRangeGuardTests(DatabaseKind.Postgres);
