// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Hooks;

/// <summary>
/// A web hook receiver and a server whose registration calls it: h1 (parse, can_interrupt, 3 s timeout: one budget for all attempts and backoffs, with room for a loaded CI machine; api key
/// header, a secret in its query), h2 and h3 (can_interrupt unless <paramref name="secondInterrupts"/> is false),
/// h4 (response.ignore), then the session hook.
/// </summary>
public abstract class HookServer(DatabaseKind kind, bool secondInterrupts) : IAsyncLifetime
{
    public const string ApiKey = "hook-secret-key";
    public const string QuerySecret = "query-secret-value";

    public TesseraTestServer Server { get; private set; } = null!;

    public WebHookReceiver Receiver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Receiver = await WebHookReceiver.StartAsync();
        var hooks = new JsonArray(
            Hook("/h1?key=" + QuerySecret, canInterrupt: true, new JsonObject { ["parse"] = true }, new JsonObject
            {
                ["timeout"] = "3s",
                ["auth"] = new JsonObject { ["type"] = "api_key", ["config"] = new JsonObject { ["name"] = "X-Hook-Key", ["value"] = ApiKey, ["in"] = "header" } },
            }),
            Hook("/h2", canInterrupt: secondInterrupts),
            Hook("/h3", canInterrupt: true),
            Hook("/h4", canInterrupt: false, new JsonObject { ["ignore"] = true }),
            new JsonObject { ["hook"] = "session" });
        Server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string>
        {
            ["cookies.secure"] = "false",
            ["selfservice.flows.registration.after.password.hooks"] = hooks.ToJsonString(),
        });
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    private JsonObject Hook(string path, bool canInterrupt, JsonObject? response = null, JsonObject? extra = null)
    {
        var config = new JsonObject { ["url"] = Receiver.UrlFor(path), ["method"] = "POST", ["can_interrupt"] = canInterrupt };
        if (response is not null)
        {
            config["response"] = response;
        }

        foreach (var (key, value) in extra ?? [])
        {
            config[key] = value?.DeepClone();
        }

        return new JsonObject { ["hook"] = "web_hook", ["config"] = config };
    }
}

public sealed class SqliteHookServer() : HookServer(DatabaseKind.Sqlite, secondInterrupts: true);

public sealed class PostgresHookServer() : HookServer(DatabaseKind.Postgres, secondInterrupts: true);

public sealed class SqliteTolerantHookServer() : HookServer(DatabaseKind.Sqlite, secondInterrupts: false);

public sealed class PostgresTolerantHookServer() : HookServer(DatabaseKind.Postgres, secondInterrupts: false);
