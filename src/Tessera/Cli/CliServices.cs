// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;
using System.Text.Json.Nodes;
using Tessera.Persistence;
using Tessera.Persistence.Migrations;

namespace Tessera.Cli;

/// <summary>
/// The server's services, built from the configuration but never started (no listener, no background work), for
/// commands that act on the database the way the admin API does (<c>keys</c>, <c>clients</c>). Refuses a database
/// with pending migrations.
/// </summary>
internal static class CliServices
{
    public static async Task<WebApplication> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var config = CliOptions.Load(parse);
        if (config.GetString("log.level") is null)
        {
            config.Set("log.level", JsonValue.Create("warning"));
        }

        var app = Program.BuildApplication(config);
        try
        {
            var pending = await app.Services.GetRequiredService<Migrator>().PendingCountAsync(cancellationToken);
            if (pending > 0)
            {
                throw new CliFailure($"the database has {pending} pending migration(s); run `tessera migrate sql -e --yes` first");
            }

            await app.Services.GetRequiredService<NetworkContext>().InitialiseAsync(cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
