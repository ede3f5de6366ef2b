// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.SelfService.Codes;

namespace Tessera.IntegrationTests.SelfService.SingleUse;

/// <summary>
/// A server for racing one flow: the code-flow server (recovery, verification, a real SMTP sink) without the
/// verified-address login hook, with rate limits off (dozens of submissions from 127.0.0.1 at once are the point here,
/// not abuse), code guesses up to 255 per flow so the right code is never refused for arriving after the wrong ones,
/// and cheap argon2 so 50 concurrent password checks stay fast on a small machine.
/// </summary>
public abstract class SingleUseServer(DatabaseKind kind) : CodeFlowServer(kind)
{
    protected override Dictionary<string, string> Settings
    {
        get
        {
            var settings = base.Settings;
            settings.Remove("selfservice.flows.login.after.hooks");
            settings["rate_limits.enabled"] = "false";
            settings["selfservice.methods.code.config.max_submissions"] = "255";
            settings["hashers.argon2.memory"] = "8MB";
            settings["hashers.argon2.parallelism"] = "1";
            return settings;
        }
    }

    public async Task<string> NewFlowIdAsync(string kind)
    {
        using var flow = await NewApiFlowAsync(Server, kind);
        return flow.RootElement.GetProperty("id").GetString()!;
    }
}

public sealed class SqliteSingleUseServer() : SingleUseServer(DatabaseKind.Sqlite);

public sealed class PostgresSingleUseServer() : SingleUseServer(DatabaseKind.Postgres);
