// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Passkeys;

/// <summary>
/// A server whose security keys are a first factor (<c>selfservice.methods.webauthn.config.passwordless: true</c>), on
/// http://localhost:&lt;port&gt; as <see cref="PasskeyServer"/>. The passkey method is off: its conditional UI would
/// answer the login page with the same (discoverable) key before the security-key button is pressed.
/// </summary>
public sealed class SecurityKeyServer : IAsyncLifetime
{
    private TesseraTestServer? _server;

    public TesseraTestServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public Uri BaseUrl { get; private set; } = new("http://localhost/");

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        BaseUrl = new Uri($"http://localhost:{port}/");
        _server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, Settings(port));
    }

    public static Dictionary<string, string> Settings(int port)
    {
        var settings = PasskeyServer.Settings(port, $"[\"http://localhost:{port}\"]");
        settings["selfservice.methods.passkey.enabled"] = "false";
        settings["selfservice.methods.webauthn.config.passwordless"] = "true";
        return settings;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
