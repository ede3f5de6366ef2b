// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;
using System.CommandLine.Invocation;
using Tessera.Health;

namespace Tessera.Cli;

/// <summary><c>tessera --version</c> prints what <c>tessera version</c> prints (not the build's commit-suffixed version).</summary>
internal sealed class PrintVersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        Console.Out.WriteLine(TesseraVersion.Current);
        return 0;
    }
}
