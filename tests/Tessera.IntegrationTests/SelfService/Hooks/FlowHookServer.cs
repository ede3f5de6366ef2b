// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.SelfService.Codes;

namespace Tessera.IntegrationTests.SelfService.Hooks;

/// <summary>
/// The code-flow server (recovery, verification, SMTP sink) with a web hook on each of the other flows' hook points:
/// <c>/recovery-before</c>, <c>/recovery</c> (then <c>revoke_active_sessions</c>), <c>/verification</c> and
/// <c>/settings</c>, all <c>can_interrupt</c>. The receiver answers 200 unless a test scripts otherwise.
/// </summary>
public abstract class FlowHookServer(DatabaseKind kind) : IAsyncLifetime
{
    private TesseraTestServer? _server;

    public SmtpSink Sink { get; } = SmtpSink.Start();

    public WebHookReceiver Receiver { get; private set; } = null!;

    public TesseraTestServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        Receiver = await WebHookReceiver.StartAsync();
        var settings = CodeFlowServer.SettingsFor(Sink);
        settings["selfservice.flows.recovery.before.hooks"] = Chain(Hook("/recovery-before"));
        settings["selfservice.flows.recovery.after.hooks"] = Chain(Hook("/recovery"), new JsonObject { ["hook"] = "revoke_active_sessions" });
        settings["selfservice.flows.verification.after.hooks"] = Chain(Hook("/verification"));
        settings["selfservice.flows.settings.after.hooks"] = Chain(Hook("/settings"));
        _server = await TesseraTestServer.StartAsync(kind, settings);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await Receiver.DisposeAsync();
        await Sink.DisposeAsync();
    }

    private static string Chain(params JsonObject[] hooks) => new JsonArray(hooks).ToJsonString();

    private JsonObject Hook(string path) => new()
    {
        ["hook"] = "web_hook",
        ["config"] = new JsonObject { ["url"] = Receiver.UrlFor(path), ["method"] = "POST", ["can_interrupt"] = true },
    };
}

public sealed class SqliteFlowHookServer() : FlowHookServer(DatabaseKind.Sqlite);

public sealed class PostgresFlowHookServer() : FlowHookServer(DatabaseKind.Postgres);
