// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Courier;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Ui.Elements;

/// <summary>
/// What <see cref="ElementsJourneyTests"/> drives: the Ory Elements app on its own loopback origin, and Tessera
/// configured as a Kratos user would configure it for such an app: every flow's ui_url on the app, the app's origin
/// allowed for CORS with credentials and as a return_to, Kratos's quickstart hooks (a session after registration, then
/// the verification UI), code recovery and verification, TOTP, and mail to a loopback SMTP sink. The courier worker is
/// parked (pull_wait 1h); a test delivers with <see cref="DeliverAsync"/>. Flows live ten minutes; the fake clock ages
/// sessions past the 15-minute privileged window and flows past their lifespan.
/// </summary>
public class ElementsJourneyServer : IAsyncLifetime
{
    private TesseraTestServer? _server;
    private ElementsApp? _app;

    public SmtpSink Sink { get; } = SmtpSink.Start();

    public TesseraTestServer Server => _server ?? throw new InvalidOperationException("Tessera has not started.");

    public ElementsApp App => _app ?? throw new InvalidOperationException("The Ory Elements app has not started.");

    public virtual async Task InitializeAsync()
    {
        _app = await ElementsApp.StartAsync();
        var app = _app;
        var settings = new Dictionary<string, string>
        {
            ["cookies.secure"] = "false",
            ["serve.public.cors.enabled"] = "true",
            ["serve.public.cors.allowed_origins"] = JsonSerializer.Serialize(new[] { app.Origin }),
            ["serve.public.cors.allow_credentials"] = "true",
            ["selfservice.default_browser_return_url"] = app.Page("/"),
            ["selfservice.allowed_return_urls"] = JsonSerializer.Serialize(new[] { app.Page("/") }),
            ["selfservice.flows.error.ui_url"] = app.Page("/error"),
            ["selfservice.flows.login.ui_url"] = app.Page("/login"),
            ["selfservice.flows.registration.ui_url"] = app.Page("/registration"),
            ["selfservice.flows.settings.ui_url"] = app.Page("/settings"),
            ["selfservice.flows.recovery.ui_url"] = app.Page("/recovery"),
            ["selfservice.flows.verification.ui_url"] = app.Page("/verification"),
            ["selfservice.flows.logout.after.default_browser_return_url"] = app.Page("/"),
            ["selfservice.flows.login.lifespan"] = "10m",
            ["selfservice.flows.registration.lifespan"] = "10m",
            ["selfservice.flows.settings.lifespan"] = "10m",
            ["selfservice.flows.recovery.lifespan"] = "10m",
            ["selfservice.flows.verification.lifespan"] = "10m",
            ["selfservice.flows.recovery.enabled"] = "true",
            ["selfservice.flows.verification.enabled"] = "true",
            ["selfservice.flows.registration.after.password.hooks"] = """[{"hook":"session"},{"hook":"show_verification_ui"}]""",
            ["selfservice.methods.code.config.lifespan"] = "10m",
            ["selfservice.methods.totp.enabled"] = "true",
            ["selfservice.methods.totp.config.issuer"] = "Tessera Elements",
            ["secrets.cipher"] = """["a-test-cipher-key-that-is-32-chars-or-more"]""",
            ["courier.smtp.connection_uri"] = Sink.ConnectionUri,
            ["courier.worker.pull_wait"] = "1h",
        };
        Configure(settings);
        _server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, settings);
        app.SdkUrl = _server.PublicUrl;
    }

    /// <summary>Adds to or changes the configuration above, for a journey that needs more (a method turned on).</summary>
    protected virtual void Configure(Dictionary<string, string> settings)
    {
    }

    /// <summary>One courier poll: what the outbox holds goes to the sink now.</summary>
    public Task DeliverAsync() => Server.Services.GetRequiredService<CourierDispatcher>().ProcessBatchAsync();

    public virtual async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await Sink.DisposeAsync();
    }
}
