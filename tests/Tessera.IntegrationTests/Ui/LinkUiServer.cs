// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.SelfService.Links;

namespace Tessera.IntegrationTests.Ui;

/// <summary>
/// The server <see cref="LinkUiTests"/> drives: the built-in UI with recovery and verification by e-mailed link
/// (<see cref="LinkFlowServer.LinkSettingsFor"/>), registration going on to the verification page, and a real SMTP
/// sink on loopback with the courier parked.
/// </summary>
public sealed class LinkUiServer : IAsyncLifetime
{
    private TesseraTestServer? _server;

    public SmtpSink Sink { get; } = SmtpSink.Start();

    public TesseraTestServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        var settings = LinkFlowServer.LinkSettingsFor(Sink);
        settings["selfservice.flows.login.after.hooks"] = "[]";
        settings["selfservice.flows.registration.after.password.hooks"] = """[{"hook":"session"},{"hook":"show_verification_ui"}]""";
        _server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, settings);
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
