// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.OAuth2.TokenHooks;
using Tessera.SelfService.Hooks;

namespace Tessera.IntegrationTests.OAuth2.TokenHooks;

/// <summary>
/// A fake token hook receiver on 127.0.0.1 and a server whose <c>oauth2.token_hook</c> (<c>/token</c>, with an API
/// key header, 3 s timeout: long enough for a loaded CI machine, short enough to test) and <c>oauth2.refresh_token_hook</c> (<c>/refresh</c>) point at it. Tests that need a
/// hook of their own build a runner over the server's sender and execution log (<see cref="RunnerFor"/>).
/// </summary>
public abstract class TokenHookServer(DatabaseKind kind) : IAsyncLifetime
{
    public const string ApiKey = "token-hook-key";

    public TesseraTestServer Server { get; private set; } = null!;

    public WebHookReceiver Receiver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Receiver = await WebHookReceiver.StartAsync();
        Server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string>
        {
            ["oauth2.token_hook"] = new JsonObject
            {
                ["url"] = Receiver.UrlFor("/token"),
                ["timeout"] = "3s",
                ["auth"] = new JsonObject { ["type"] = "api_key", ["config"] = new JsonObject { ["name"] = "X-Hook-Key", ["value"] = ApiKey, ["in"] = "header" } },
            }.ToJsonString(),
            ["oauth2.refresh_token_hook"] = Receiver.UrlFor("/refresh"),
        });
    }

    internal TokenHookRunner Runner => Server.Services.GetRequiredService<TokenHookRunner>();

    /// <summary>A runner whose only hook is <paramref name="url"/> with <paramref name="timeout"/>, sending and logging as the server's.</summary>
    internal TokenHookRunner RunnerFor(string url, TimeSpan timeout) => new(
        new TokenHookOptions(new WebHookConfig(new Uri(url), HttpMethod.Post, new Dictionary<string, string>(), null, null,
            CanInterrupt: true, Parse: false, Ignore: false, timeout, null), null),
        Server.Services.GetRequiredService<WebHookSender>(),
        Server.Services.GetRequiredService<WebHookExecutor>());

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

public sealed class SqliteTokenHookServer() : TokenHookServer(DatabaseKind.Sqlite);

public sealed class PostgresTokenHookServer() : TokenHookServer(DatabaseKind.Postgres);
