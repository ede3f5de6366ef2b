// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Passkeys;

/// <summary>
/// A server for WebAuthn ceremonies in Chromium: WebAuthn needs a secure context and a domain as relying party id, so
/// the browser uses http://localhost:&lt;port&gt; (loopback), which is also the public base URL and the one origin
/// the relying party accepts. The port is chosen before start-up because the origin must name it; the subclass gives
/// the configuration for it.
/// </summary>
public abstract class LocalhostServer : IAsyncLifetime
{
    private TesseraTestServer? _server;

    public TesseraTestServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public Uri BaseUrl { get; private set; } = new("http://localhost/");

    /// <summary>The server's configuration on <paramref name="port"/>.</summary>
    protected abstract Dictionary<string, string> Configuration(int port);

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        BaseUrl = new Uri($"http://localhost:{port}/");
        _server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, Configuration(port));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
