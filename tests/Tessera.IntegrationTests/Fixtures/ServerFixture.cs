// SPDX-License-Identifier: Apache-2.0
namespace Tessera.IntegrationTests.Fixtures;

/// <summary>One server (and one fresh database) per test class: <c>IClassFixture&lt;SqliteServer&gt;</c>.</summary>
public abstract class ServerFixture(DatabaseKind kind) : IAsyncLifetime
{
    private TesseraTestServer? _server;

    public DatabaseKind Kind { get; } = kind;

    public TesseraTestServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>Configuration every test of the class shares; override to add keys.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public async Task InitializeAsync() => _server = await TesseraTestServer.StartAsync(Kind, Settings);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
