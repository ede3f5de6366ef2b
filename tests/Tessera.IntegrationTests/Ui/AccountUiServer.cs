// SPDX-License-Identifier: Apache-2.0
using Microsoft.Extensions.DependencyInjection;
using Tessera.Courier;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Ui;

/// <summary>
/// The server the account-page browser tests drive (<see cref="AccountUiTests"/>): the built-in UI at its default
/// ui_urls with recovery, verification (registration shows the verification page), TOTP and backup codes on, and a
/// real SMTP sink on loopback. The hosted
/// courier worker is parked (pull_wait 1h); a test delivers with <see cref="DeliverAsync"/>, so nothing sleeps.
/// Flows live ten minutes, so the fake clock can age a session past the 15-minute privileged window while the
/// settings flow it opens afterwards stays valid.
/// </summary>
public sealed class AccountUiServer : IAsyncLifetime
{
    private TesseraTestServer? _server;

    public SmtpSink Sink { get; } = SmtpSink.Start();

    public TesseraTestServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string>
    {
        ["cookies.secure"] = "false",
        ["selfservice.flows.login.lifespan"] = "10m",
        ["selfservice.flows.registration.lifespan"] = "10m",
        ["selfservice.flows.settings.lifespan"] = "10m",
        ["selfservice.flows.recovery.enabled"] = "true",
        ["selfservice.flows.verification.enabled"] = "true",
        ["selfservice.flows.registration.after.password.hooks"] = """[{"hook":"session"},{"hook":"show_verification_ui"}]""",
        ["selfservice.methods.code.config.lifespan"] = "10m",
        ["selfservice.methods.totp.enabled"] = "true",
        ["selfservice.methods.totp.config.issuer"] = "Tessera UI Tests",
        ["selfservice.methods.lookup_secret.enabled"] = "true",
        ["secrets.cipher"] = """["a-test-cipher-key-that-is-32-chars-or-more"]""",
        ["courier.smtp.connection_uri"] = Sink.ConnectionUri,
        ["courier.worker.pull_wait"] = "1h",
    });

    /// <summary>One courier poll: what the outbox holds goes to the sink now.</summary>
    public Task DeliverAsync() => Server.Services.GetRequiredService<CourierDispatcher>().ProcessBatchAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await Sink.DisposeAsync();
    }
}
