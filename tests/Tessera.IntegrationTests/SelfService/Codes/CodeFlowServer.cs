// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Courier;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Codes;

/// <summary>
/// A server with recovery and verification on, the require_verified_address login hook, and a real SMTP sink on
/// loopback. The hosted courier worker is parked (pull_wait 1h): tests deliver with <see cref="DeliverAsync"/>, so
/// nothing sleeps. Codes live 10 minutes, flows an hour, so the fake clock can expire a code inside a live flow.
/// </summary>
public abstract class CodeFlowServer(DatabaseKind kind) : IAsyncLifetime
{
    private TesseraTestServer? _server;

    public DatabaseKind Kind { get; } = kind;

    public SmtpSink Sink { get; } = SmtpSink.Start();

    public TesseraTestServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public static Dictionary<string, string> SettingsFor(SmtpSink sink) => new()
    {
        ["cookies.secure"] = "false",
        ["selfservice.flows.recovery.enabled"] = "true",
        ["selfservice.flows.verification.enabled"] = "true",
        ["selfservice.methods.code.config.lifespan"] = "10m",
        ["selfservice.flows.login.after.hooks"] = """[{"hook":"require_verified_address"}]""",
        ["courier.smtp.connection_uri"] = sink.ConnectionUri,
        ["courier.worker.pull_wait"] = "1h",
    };

    /// <summary>The configuration the server starts with; a subclass may adjust it.</summary>
    protected virtual Dictionary<string, string> Settings => SettingsFor(Sink);

    public async Task InitializeAsync() => _server = await TesseraTestServer.StartAsync(Kind, Settings);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await Sink.DisposeAsync();
    }

    /// <summary>Runs one courier poll, then reads the six-digit code from the message to <paramref name="to"/>.</summary>
    public static async Task<string> DeliverCodeAsync(TesseraTestServer server, SmtpSink sink, string to)
    {
        await DeliverAsync(server);
        var mail = await sink.WaitForMessageAsync(to);
        var code = Regex.Match(mail.TextBody, @"\b\d{6}\b").Value;
        code.ShouldNotBeNullOrEmpty(mail.TextBody);
        return code;
    }

    public static Task DeliverAsync(TesseraTestServer server) => server.Services.GetRequiredService<CourierDispatcher>().ProcessBatchAsync();

    /// <summary>What the outbox holds for a recipient: the template types, oldest first.</summary>
    public static async Task<IReadOnlyList<string>> OutboxTemplatesAsync(TesseraTestServer server, string recipient)
    {
        using var response = await server.Admin.GetAsync($"/admin/courier/messages?recipient={Uri.EscapeDataString(recipient)}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return list.RootElement.EnumerateArray().Select(m => m.GetProperty("template_type").GetString()!).ToList();
    }

    public static async Task<JsonDocument> NewApiFlowAsync(TesseraTestServer server, string kind)
    {
        using var response = await server.Public.GetAsync($"/self-service/{kind}/api");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public static Task<HttpResponseMessage> SubmitAsync(TesseraTestServer server, string kind, string flowId, object body) =>
        server.Public.PostAsJsonAsync($"/self-service/{kind}?flow={flowId}", body);

    public static async Task<HttpResponseMessage> LoginAsync(TesseraTestServer server, string identifier, string password)
    {
        using var flow = await NewApiFlowAsync(server, "login");
        return await SubmitAsync(server, "login", flow.RootElement.GetProperty("id").GetString()!, new { method = "password", identifier, password });
    }

    public static string NewEmail() => $"code-{Guid.NewGuid():N}@example.com";
}

public sealed class SqliteCodeFlowServer() : CodeFlowServer(DatabaseKind.Sqlite);

public sealed class PostgresCodeFlowServer() : CodeFlowServer(DatabaseKind.Postgres);
