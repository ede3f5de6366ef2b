// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.SelfService.Codes;

namespace Tessera.IntegrationTests.SelfService.SingleUse;

/// <summary>
/// A server for racing one flow: recovery and verification on with a real SMTP sink (codes delivered on demand),
/// rate limits off (dozens of submissions from 127.0.0.1 at once are the point here, not abuse), code guesses up to 255
/// per flow so the right code is never refused for arriving after the wrong ones, and cheap argon2 so 50 concurrent
/// password checks stay fast on a small machine.
/// </summary>
public abstract class SingleUseServer(DatabaseKind kind) : IAsyncLifetime
{
    private TesseraTestServer? _server;

    public DatabaseKind Kind { get; } = kind;

    public SmtpSink Sink { get; } = SmtpSink.Start();

    public TesseraTestServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        var settings = CodeFlowServer.SettingsFor(Sink);
        settings.Remove("selfservice.flows.login.after.hooks");
        settings["rate_limits.enabled"] = "false";
        settings["selfservice.methods.code.config.max_submissions"] = "255";
        settings["hashers.argon2.memory"] = "8MB";
        settings["hashers.argon2.parallelism"] = "1";
        _server = await TesseraTestServer.StartAsync(Kind, settings);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await Sink.DisposeAsync();
    }
}

public sealed class SqliteSingleUseServer() : SingleUseServer(DatabaseKind.Sqlite);

public sealed class PostgresSingleUseServer() : SingleUseServer(DatabaseKind.Postgres);
