// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;
using System.Text.Json.Nodes;
using Tessera.Persistence;
using Tessera.Persistence.Cleanup;
using Tessera.Persistence.Migrations;

namespace Tessera.Cli;

/// <summary>
/// <c>tessera cleanup</c>: deletes what has expired (error containers, self-service flows, sessions, hook executions)
/// once, with the same pass the servers' janitor runs every 30 minutes. Reads <c>dsn</c> from the configuration and
/// the DSN variable; nothing listens.
/// </summary>
internal static class CleanupCommand
{
    public static Command Create()
    {
        var command = new Command("cleanup", "Delete expired data (error containers, flows, sessions, hook executions) once.");
        command.SetAction((parse, ct) => CliFailures.GuardAsync(() => RunAsync(parse, ct)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var config = CliOptions.Load(parse);
        if (config.GetString("log.level") is null)
        {
            config.Set("log.level", JsonValue.Create("warning"));
        }

        await using var app = Program.BuildApplication(config);
        var pending = await app.Services.GetRequiredService<Migrator>().PendingCountAsync(cancellationToken);
        if (pending > 0)
        {
            throw new CliFailure($"the database has {pending} pending migration(s); run `tessera migrate sql -e --yes` first");
        }

        await app.Services.GetRequiredService<NetworkContext>().InitialiseAsync(cancellationToken);
        foreach (var (name, deleted) in await app.Services.GetRequiredService<CleanupPass>().RunAsync(cancellationToken))
        {
            Console.Out.WriteLine($"Deleted {deleted} expired {name}.");
        }

        return 0;
    }
}
