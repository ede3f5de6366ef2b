// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;
using System.Text;

namespace Tessera.Cli;

/// <summary>
/// Generates <c>docs/cli.md</c> from the command tree itself (every verb, argument and option with its
/// description), so the reference cannot drift from what <c>tessera</c> accepts: a test compares the committed file.
/// </summary>
internal static class CliReferenceMarkdown
{
    public static string Generate(RootCommand root)
    {
        var md = new StringBuilder();
        md.Append("""
            # Command-line reference

            <!-- Generated from the command tree in src/Tessera/Cli by CliReferenceMarkdown (TESSERA_UPDATE_DOCS=1 and the CliReferenceTests test rewrite it). Do not edit. -->

            Get the `tessera` command with `dotnet publish src/Tessera -c Release -o out` and run `./out/tessera`
            (see the README). Bad arguments print one line and exit with 2; a command that cannot do its job prints one
            line naming the cause and exits with 1.

            ## Options of every command

            """);
        md.Append('\n');
        Options(md, root.Options.Where(o => o.Recursive || o.Name is "--help" or "--version"));
        foreach (var command in root.Subcommands.Where(c => !c.Hidden))
        {
            Command(md, command, "tessera");
        }

        return md.ToString();
    }

    private static void Command(StringBuilder md, Command command, string parent)
    {
        var path = $"{parent} {command.Name}";
        var arguments = string.Concat(command.Arguments.Where(a => !a.Hidden).Select(a => a.Arity.MinimumNumberOfValues == 0 ? $" [{a.Name}]" : $" <{a.Name}>"));
        var verbs = !command.Subcommands.Any(c => !c.Hidden) ? string.Empty : command.Action is null ? " <command>" : " [command]";
        md.Append('\n').Append("## `").Append(path).Append(verbs).Append(arguments).Append("`\n\n");
        md.Append(command.Description).Append('\n');
        if (command.Aliases.Count > 0)
        {
            md.Append("\nAlso: ").Append(string.Join(", ", command.Aliases.Order(StringComparer.Ordinal).Select(a => $"`{a}`"))).Append('\n');
        }

        if (command.Arguments.Any(a => !a.Hidden))
        {
            md.Append("\n| argument | description |\n|---|---|\n");
            foreach (var argument in command.Arguments.Where(a => !a.Hidden))
            {
                md.Append("| `").Append(argument.Name).Append("` | ").Append(Cell(argument.Description)).Append(" |\n");
            }
        }

        var options = command.Options.Where(o => !o.Hidden && o.Name is not "--help" and not "-h").ToList();
        if (options.Count > 0)
        {
            md.Append('\n');
            Options(md, options);
        }

        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
        {
            Command(md, sub, path);
        }
    }

    private static void Options(StringBuilder md, IEnumerable<Option> options)
    {
        md.Append("| option | description |\n|---|---|\n");
        foreach (var option in options.Where(o => !o.Hidden))
        {
            var names = new[] { option.Name }.Concat(option.Aliases.Order(StringComparer.Ordinal)).Select(n => $"`{n}`");
            md.Append("| ").Append(string.Join(", ", names)).Append(" | ").Append(Cell(option.Description)).Append(" |\n");
        }
    }

    private static string Cell(string? text) =>
        (text ?? string.Empty).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
