// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using Reply = Tessera.IntegrationTests.Fixtures.WebHookReceiver.Reply;

namespace Tessera.IntegrationTests.Hashing;

/// <summary>
/// Issue 17 finding 7: Kratos's haveibeenpwned check against a fake range API on loopback (the web hook receiver
/// answering <c>GET /range/{prefix}</c>), never the real service.
/// </summary>
public abstract class BreachedPasswordCheckTests(DatabaseKind kind)
{
    private const string Breached = "a breached passphrase 77";
    private const string Fine = "an unbreached passphrase 78";

    [Fact]
    public async Task Registration_PasswordInTheRange_IsRefusedWith4000034_AndOnlyTheFiveDigitPrefixIsSent()
    {
        await using var api = await WebHookReceiver.StartAsync();
        var digest = Sha1Hex(Breached);
        api.Script($"/range/{digest[..5]}", string.Empty, new Reply(200, $"{digest[5..]}:42\r\n{new string('0', 35)}:0\r\n"));
        await using var server = await StartAsync(api.BaseUrl.AbsoluteUri, ignoreNetworkErrors: true);

        using var refused = await RegisterAsync(server, Breached);
        using var accepted = await RegisterAsync(server, Fine);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await refused.Content.ReadAsStringAsync());
        using var flow = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        FlowJson.NodeMessageIds(flow.RootElement, "password").ShouldBe([4000034]);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        var paths = api.ReceivedFor($"/range/{digest[..5]}", string.Empty).Concat(api.ReceivedFor($"/range/{Sha1Hex(Fine)[..5]}", string.Empty)).ToList();
        paths.Count.ShouldBe(2);
        paths.ShouldAllBe(p => p.Method == "GET" && p.Path.Length == "/range/".Length + 5 && p.Body.Length == 0);
        var rest = digest.Substring(5, 5);
        paths.ShouldAllBe(p => !p.Path.Contains(rest, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Registration_SameRangeTwice_AsksTheServiceOnce()
    {
        await using var api = await WebHookReceiver.StartAsync();
        var digest = Sha1Hex(Breached);
        api.Script($"/range/{digest[..5]}", string.Empty, new Reply(200, $"{digest[5..]}:3\r\n"));
        await using var server = await StartAsync(api.BaseUrl.AbsoluteUri, ignoreNetworkErrors: true);

        using var first = await RegisterAsync(server, Breached);
        using var second = await RegisterAsync(server, Breached);

        first.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        second.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        api.ReceivedFor($"/range/{digest[..5]}", string.Empty).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Registration_ServiceUnreachable_IgnoringNetworkErrors_AcceptsThePassword()
    {
        await using var server = await StartAsync($"http://127.0.0.1:{FreePort.Next()}", ignoreNetworkErrors: true);

        using var response = await RegisterAsync(server, Breached);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Registration_ServiceUnreachable_NotIgnoringNetworkErrors_RefusesWith4000005()
    {
        await using var server = await StartAsync($"http://127.0.0.1:{FreePort.Next()}", ignoreNetworkErrors: false);

        using var response = await RegisterAsync(server, Fine);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        using var flow = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        FlowJson.NodeMessageIds(flow.RootElement, "password").ShouldBe([4000005]);
    }

    private Task<TesseraTestServer> StartAsync(string host, bool ignoreNetworkErrors) => TesseraTestServer.StartAsync(kind, new Dictionary<string, string>
    {
        ["selfservice.methods.password.config.haveibeenpwned_enabled"] = "true",
        ["selfservice.methods.password.config.haveibeenpwned_host"] = host,
        ["selfservice.methods.password.config.ignore_network_errors"] = ignoreNetworkErrors ? "true" : "false",
    });

    /// <summary>An API registration with a fresh e-mail and <paramref name="password"/>: the answer to the submission.</summary>
    internal static async Task<HttpResponseMessage> RegisterAsync(TesseraTestServer server, string password)
    {
        using var created = await server.Public.GetAsync("/self-service/registration/api");
        using var flow = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var flowId = flow.RootElement.GetProperty("id").GetString();
        return await server.Public.PostAsJsonAsync($"/self-service/registration?flow={flowId}",
            new { method = "password", password, traits = new { email = $"b-{Guid.NewGuid():N}@example.com" } });
    }

#pragma warning disable CA5350 // The range API is keyed by SHA-1.
    private static string Sha1Hex(string password) => Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(password)));
#pragma warning restore CA5350
}

public sealed class SqliteBreachedPasswordCheckTests() : BreachedPasswordCheckTests(DatabaseKind.Sqlite);

public sealed class PostgresBreachedPasswordCheckTests() : BreachedPasswordCheckTests(DatabaseKind.Postgres);
