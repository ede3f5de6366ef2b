// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;
using System.Text.Json.Nodes;
using Tessera.Persistence;
using Tessera.Persistence.Migrations;
using Tessera.Security.Secrets;

namespace Tessera.Cli;

/// <summary>
/// The server's services, built from the configuration but never started (no listener, no background work), for
/// commands that act on the database the way the admin API does (<c>keys</c>, <c>clients</c>). Refuses a database
/// with pending migrations. Logs only errors unless <c>log.level</c> says otherwise: the console logger writes to
/// standard output, which is the commands' answer (a client's JSON, a key).
/// </summary>
internal static class CliServices
{
    public static async Task<WebApplication> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var config = CliOptions.Load(parse);
        if (config.GetString("log.level") is null)
        {
            config.Set("log.level", JsonValue.Create("error"));
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
            // Client secrets are keyed with them: the same secrets as the server that will verify them.
            await app.Services.GetRequiredService<ServerSecrets>().InitialiseAsync(cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
