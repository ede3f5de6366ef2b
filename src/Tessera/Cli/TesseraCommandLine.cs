// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;

namespace Tessera.Cli;

/// <summary>
/// The CLI. Bad arguments print one line and exit with 2 (never a stack trace); a command that fails for a
/// reason the user can act on exits with 1.
/// </summary>
internal static class TesseraCommandLine
{
    public const int UsageExitCode = 2;

    public static RootCommand Create()
    {
        var root = new RootCommand("Tessera: a self-hosted identity server with Ory Kratos's API.");
        root.Options.Add(CliOptions.Config);
        root.Options.Add(CliOptions.Dev);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(CourierCommand.Create());
        root.Subcommands.Add(VersionCommand.Create());
        root.Subcommands.Add(ErrorsCommand.Create());
        root.Subcommands.Add(CleanupCommand.Create());
        root.Subcommands.Add(IdentitiesCommand.Create());
        root.Subcommands.Add(HashersCommand.Create());
        root.Subcommands.Add(KeysCommand.Create());
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args)
    {
        var parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
        {
            await Console.Error.WriteLineAsync($"tessera: {parse.Errors[0].Message} (see `tessera --help`)");
            return UsageExitCode;
        }

        return await parse.InvokeAsync();
    }
}
