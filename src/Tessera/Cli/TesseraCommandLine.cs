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
        root.Subcommands.Add(WorkspacesCommand.Create());
        root.Subcommands.Add(ProjectsCommand.Create());
        root.Subcommands.Add(ClientsCommand.Create());
        root.Subcommands.Add(TokenCommand.Create());
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new PrintVersionAction();
        }

        return root;
    }

    public static async Task<int> InvokeAsync(string[] args)
    {
        var root = Create();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await Console.Error.WriteLineAsync(UnknownCommand(root, parse) ?? $"tessera: {parse.Errors[0].Message} (see `tessera --help`)");
            return UsageExitCode;
        }

        // `serve` drains in-flight requests for serve.shutdown_timeout on SIGTERM (the host's console lifetime handles
        // the signal); System.CommandLine's own handler would end the process 2 s after the signal, mid-request.
        var invocation = new InvocationConfiguration();
        if (parse.CommandResult.Command.Name == ServeCommand.Name)
        {
            invocation.ProcessTerminationTimeout = null;
        }

        return await parse.InvokeAsync(invocation);
    }

    // The first word names no command: say which exist, on the one line a usage error gets.
    private static string? UnknownCommand(RootCommand root, ParseResult parse)
    {
        if (parse.CommandResult.Command != root || parse.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-')) is not { } word)
        {
            return null;
        }

        var commands = string.Join(", ", root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
        return $"tessera: unknown command \"{word}\"; commands: {commands} (see `tessera --help`)";
    }
}
