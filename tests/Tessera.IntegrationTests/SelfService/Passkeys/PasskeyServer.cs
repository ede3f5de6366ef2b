// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Passkeys;

/// <summary>
/// A server for passkey ceremonies in Chromium: WebAuthn needs a secure context and a domain as relying party id, so
/// the browser uses http://localhost:&lt;port&gt; (loopback), which is also the public base URL and the one origin
/// the relying party accepts (for passkeys and security keys alike). The port is chosen before start-up because the
/// origin must name it.
/// </summary>
public sealed class PasskeyServer : IAsyncLifetime
{
    private TesseraTestServer? _server;

    public TesseraTestServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public Uri BaseUrl { get; private set; } = new("http://localhost/");

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        BaseUrl = new Uri($"http://localhost:{port}/");
        _server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, Settings(port, $"[\"http://localhost:{port}\"]"));
    }

    /// <summary>The configuration of a passkey server on <paramref name="port"/> whose relying party accepts <paramref name="originsJson"/>.</summary>
    public static Dictionary<string, string> Settings(int port, string originsJson) => new()
    {
        ["serve.public.port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["serve.public.base_url"] = $"http://localhost:{port}/",
        ["cookies.secure"] = "false",
        ["selfservice.methods.passkey.enabled"] = "true",
        ["selfservice.methods.passkey.config.rp.id"] = "localhost",
        ["selfservice.methods.passkey.config.rp.display_name"] = "Tessera tests",
        ["selfservice.methods.passkey.config.rp.origins"] = originsJson,
        ["selfservice.methods.webauthn.enabled"] = "true",
        ["selfservice.methods.webauthn.config.rp.id"] = "localhost",
        ["selfservice.methods.webauthn.config.rp.display_name"] = "Tessera tests",
        ["selfservice.methods.webauthn.config.rp.origins"] = originsJson,
    };

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
