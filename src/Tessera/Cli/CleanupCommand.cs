// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;
using Tessera.Errors;
using Tessera.Errors.Containers;
using Tessera.Persistence;
using Tessera.Persistence.Migrations;

namespace Tessera.Cli;

/// <summary>
/// <c>tessera cleanup</c>: deletes what has expired (error containers past <c>selfservice.flows.error.lifespan</c>)
/// once, the same pass the servers run periodically. Reads <c>dsn</c> from the configuration and DSN variable.
/// </summary>
internal static class CleanupCommand
{
    public static Command Create()
    {
        var command = new Command("cleanup", "Delete expired data (error containers) from the database once.");
        command.SetAction((parse, ct) => CliFailures.GuardAsync(() => RunAsync(parse, ct)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var config = CliOptions.Load(parse);
        var options = ErrorOptions.Bind(config);
        await using var database = new Database(PersistenceOptions.Bind(config).Dsn);
        var pending = await new Migrator(database, TimeProvider.System).PendingCountAsync(cancellationToken);
        if (pending > 0)
        {
            throw new CliFailure($"the database has {pending} pending migration(s); run `tessera migrate sql -e --yes` first");
        }

        var network = new NetworkContext(database, TimeProvider.System);
        await network.InitialiseAsync(cancellationToken);
        var deleted = await new ErrorContainerStore(database, network, TimeProvider.System, options).DeleteExpiredAsync(cancellationToken);
        Console.Out.WriteLine($"Deleted {deleted} expired error container(s).");
        return 0;
    }
}
