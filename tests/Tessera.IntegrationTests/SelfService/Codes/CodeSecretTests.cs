// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;
using static Tessera.IntegrationTests.SelfService.Codes.CodeFlowServer;

namespace Tessera.IntegrationTests.SelfService.Codes;

/// <summary>
/// Issue 17 finding 5: a recovery code's stored HMAC is keyed with the server secret, not the public flow id, and
/// rotating <c>secrets.default</c> (new secret first, old kept) keeps codes issued before it working; codes issued
/// under a secret that has been removed stop working. Each server restart reuses the same database.
/// </summary>
public abstract class CodeSecretTests(DatabaseKind kind) : IAsyncLifetime
{
    private const string OldSecret = "the-old-secret-0123456789";
    private const string NewSecret = "the-new-secret-9876543210";
    private const string Password = "a passphrase for codes 1";
    private readonly SmtpSink _sink = SmtpSink.Start();
    private string _dsn = null!;

    public async Task InitializeAsync() => _dsn = await TestDatabases.CreateAsync(kind);

    public async Task DisposeAsync() => await _sink.DisposeAsync();

    [Fact]
    public async Task StoredCodeHash_CannotBeMatchedWithTheFlowIdAlone()
    {
        await using var server = await StartAsync([]);
        var (flowId, code) = await SendCodeAsync(server);

        var stored = await StoredHmacAsync(server, flowId);

        // Every way the flow id could have been the key (as before this change): none reproduces the stored value.
        var candidates = new[] { flowId.ToByteArray(), Encoding.UTF8.GetBytes(flowId.ToString()), Encoding.UTF8.GetBytes(flowId.ToString("N")) }
            .SelectMany(key => new[]
            {
                HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(code)),
                HMACSHA256.HashData(key, flowId.ToByteArray().Concat(Encoding.UTF8.GetBytes(code)).ToArray()),
            })
            .Select(Convert.ToBase64String)
            .ToList();
        candidates.ShouldNotContain(stored);
        stored.ShouldNotContain(code);

        using var recovered = await SubmitAsync(server, "recovery", flowId.ToString(), new { method = "code", code });
        recovered.StatusCode.ShouldBe(HttpStatusCode.OK, await recovered.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CodeIssuedBeforeRotation_StillVerifies_WithTheNewSecretFirstAndTheOldKept()
    {
        var sent = await SendCodeUnderAsync(OldSecret);

        (Guid FlowId, string Code) fresh;
        await using (var after = await StartAsync([NewSecret, OldSecret]))
        {
            using var recovered = await SubmitAsync(after, "recovery", sent.FlowId.ToString(), new { method = "code", code = sent.Code });

            recovered.StatusCode.ShouldBe(HttpStatusCode.OK, await recovered.Content.ReadAsStringAsync());
            using var flow = JsonDocument.Parse(await recovered.Content.ReadAsStringAsync());
            flow.RootElement.GetProperty("state").GetString().ShouldBe("passed_challenge");
            fresh = await SendCodeAsync(after);
        }

        // A code issued after the rotation is signed with the new secret: it verifies once the old one is gone.
        await using var newOnly = await StartAsync([NewSecret]);
        using var freshRecovered = await SubmitAsync(newOnly, "recovery", fresh.FlowId.ToString(), new { method = "code", code = fresh.Code });
        freshRecovered.StatusCode.ShouldBe(HttpStatusCode.OK, await freshRecovered.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CodeIssuedUnderARemovedSecret_IsRefused()
    {
        var sent = await SendCodeUnderAsync(OldSecret);

        await using var after = await StartAsync([NewSecret]);
        using var refused = await SubmitAsync(after, "recovery", sent.FlowId.ToString(), new { method = "code", code = sent.Code });

        using var flow = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        FlowJson.MessageIds(flow.RootElement).ShouldContain(4060006);
        flow.RootElement.GetProperty("state").GetString().ShouldNotBe("passed_challenge");
    }

    private Task<TesseraTestServer> StartAsync(string[] secrets)
    {
        var settings = SettingsFor(_sink);
        if (secrets.Length > 0)
        {
            settings["secrets.default"] = JsonSerializer.Serialize(secrets);
        }

        return TesseraTestServer.StartAsync(kind, settings, dsn: _dsn);
    }

    /// <summary>A code issued by a server that has only <paramref name="secret"/>, which then stops.</summary>
    private async Task<(Guid FlowId, string Code)> SendCodeUnderAsync(string secret)
    {
        await using var server = await StartAsync([secret]);
        return await SendCodeAsync(server);
    }

    private async Task<(Guid FlowId, string Code)> SendCodeAsync(TesseraTestServer server)
    {
        var email = NewEmail();
        await TestIdentities.CreateAsync(server, email, Password);
        using var flow = await NewApiFlowAsync(server, "recovery");
        var flowId = flow.RootElement.GetProperty("id").GetGuid();
        using var sent = await SubmitAsync(server, "recovery", flowId.ToString(), new { method = "code", email });
        sent.StatusCode.ShouldBe(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        return (flowId, await DeliverCodeAsync(server, _sink, email));
    }

    private static async Task<string> StoredHmacAsync(TesseraTestServer server, Guid flowId)
    {
        await using var connection = await server.Services.GetRequiredService<Database>().OpenAsync();
        return await connection.QuerySingleAsync<string>("SELECT code_hmac FROM selfservice_codes WHERE flow_id = @FlowId", new { FlowId = flowId });
    }
}

public sealed class SqliteCodeSecretTests() : CodeSecretTests(DatabaseKind.Sqlite);

public sealed class PostgresCodeSecretTests() : CodeSecretTests(DatabaseKind.Postgres);
