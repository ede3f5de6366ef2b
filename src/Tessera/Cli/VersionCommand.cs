// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;
using Tessera.Health;

namespace Tessera.Cli;

/// <summary><c>tessera version</c>.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the version.");
        command.SetAction(_ => Console.Out.WriteLine(TesseraVersion.Current));
        return command;
    }
}
