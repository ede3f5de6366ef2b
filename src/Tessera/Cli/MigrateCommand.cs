// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;
using System.Text.Json.Nodes;
using Tessera.Persistence;
using Tessera.Persistence.Migrations;

namespace Tessera.Cli;

/// <summary>
/// <c>tessera migrate sql [dsn] [-e] [--yes]</c> applies pending migrations (Kratos's flags: <c>-e</c> reads the
/// DSN from the configuration and environment); <c>tessera migrate sql status</c> lists them.
/// </summary>
internal static class MigrateCommand
{
    private static readonly Argument<string?> DsnArgument = new("dsn")
    {
        Description = "The database URL; omit it with -e to read dsn from the configuration / DSN variable.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<bool> ReadFromEnv = new("--read-from-env", "-e")
    {
        Description = "Read the DSN from the configuration files and the DSN environment variable.",
    };

    private static readonly Option<bool> Yes = new("--yes", "-y")
    {
        Description = "Apply without asking for confirmation.",
    };

    public static Command Create()
    {
        var sql = new Command("sql", "Apply pending SQL migrations.");
        sql.Arguments.Add(DsnArgument);
        sql.Options.Add(ReadFromEnv);
        sql.Options.Add(Yes);
        sql.SetAction((parse, ct) => CliFailures.GuardAsync(() => ApplyAsync(parse, ct)));

        var status = new Command("status", "List the migrations and whether each is applied.");
        status.Arguments.Add(DsnArgument);
        status.Options.Add(ReadFromEnv);
        status.SetAction((parse, ct) => CliFailures.GuardAsync(() => StatusAsync(parse, ct)));
        sql.Subcommands.Add(status);

        var migrate = new Command("migrate", "Manage the database schema.");
        migrate.Subcommands.Add(sql);
        return migrate;
    }

    private static async Task<int> ApplyAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var database = new Database(ResolveDsn(parse));
        var migrator = new Migrator(database, TimeProvider.System);
        var pending = (await migrator.StatusAsync(cancellationToken)).Where(s => !s.Applied).ToList();
        if (pending.Count == 0)
        {
            Console.Out.WriteLine("The database is up to date.");
            return 0;
        }

        foreach (var status in pending)
        {
            Console.Out.WriteLine($"pending  {status.Migration.Version:D4} {status.Migration.Name}");
        }

        if (!parse.GetValue(Yes))
        {
            Console.Out.Write($"Apply {pending.Count} migration(s)? [y/N] ");
            var answer = Console.In.ReadLine();
            if (answer is null || !answer.Trim().StartsWith('y'))
            {
                throw new CliFailure("migrations not applied (pass --yes to apply without asking)");
            }
        }

        var applied = await migrator.ApplyAsync(cancellationToken);
        Console.Out.WriteLine($"Applied {applied.Count} migration(s).");
        return 0;
    }

    private static async Task<int> StatusAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var database = new Database(ResolveDsn(parse));
        foreach (var status in await new Migrator(database, TimeProvider.System).StatusAsync(cancellationToken))
        {
            Console.Out.WriteLine($"{(status.Applied ? "applied" : "pending"),-8} {status.Migration.Version:D4} {status.Migration.Name}");
        }

        return 0;
    }

    private static Dsn ResolveDsn(ParseResult parse)
    {
        var argument = parse.GetValue(DsnArgument);
        var fromEnv = parse.GetValue(ReadFromEnv);
        if (argument is null && !fromEnv)
        {
            throw new CliFailure("give the database URL as an argument, or -e to read it from the configuration and DSN");
        }

        var config = CliOptions.Load(parse);
        if (argument is not null)
        {
            config.Set("dsn", JsonValue.Create(argument));
        }

        return PersistenceOptions.Bind(config).Dsn;
    }
}
