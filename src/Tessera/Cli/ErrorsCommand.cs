// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;
using System.Globalization;
using Tessera.Errors;
using Tessera.Errors.Documentation;

namespace Tessera.Cli;

/// <summary>
/// <c>tessera errors</c>: prints the error reference (the text of docs/errors.md) generated from the catalog; with
/// <c>--ids</c>, one line per catalog entry for scripts: the id, then the UI message ids a flow shows for it.
/// </summary>
internal static class ErrorsCommand
{
    public static Command Create()
    {
        var ids = new Option<bool>("--ids")
        {
            Description = "Print only the catalog's ids, one a line, each followed by the UI message ids that stand for it on a flow.",
        };
        var command = new Command("errors", "Print the error reference: every error id with its status, cause and resolution, and the UI message ids.")
        {
            ids,
        };
        command.SetAction(result => Console.Out.Write(result.GetValue(ids) ? IdLines() : ErrorReferenceMarkdown.Generate()));
        return command;
    }

    private static string IdLines() => string.Concat(ErrorCatalog.All.Select(entry =>
        string.Join(' ', UiMessageErrors.ClaimedBy(entry).Select(id => id.ToString(CultureInfo.InvariantCulture)).Prepend(entry.Id)) + "\n"));
}
