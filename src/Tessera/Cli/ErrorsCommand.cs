// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;
using Tessera.Errors.Documentation;

namespace Tessera.Cli;

/// <summary><c>tessera errors</c>: prints the error reference (the text of docs/errors.md) generated from the catalog.</summary>
internal static class ErrorsCommand
{
    public static Command Create()
    {
        var command = new Command("errors", "Print the error reference: every error id with its status, cause and resolution, and the UI message ids.");
        command.SetAction(_ => Console.Out.Write(ErrorReferenceMarkdown.Generate()));
        return command;
    }
}
