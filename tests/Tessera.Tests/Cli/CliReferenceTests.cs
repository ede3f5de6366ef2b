// SPDX-License-Identifier: Apache-2.0
using Tessera.Cli;

namespace Tessera.Tests.Cli;

/// <summary>docs/cli.md is the command tree, verb for verb.</summary>
public sealed class CliReferenceTests
{
    [Fact]
    public void Docs_CommittedCliMd_MatchesTheCommandTree()
    {
        var generated = CliReferenceMarkdown.Generate(TesseraCommandLine.Create());
        var file = Path.Combine(RepositoryPaths.Root, "docs", "cli.md");
        if (Environment.GetEnvironmentVariable("TESSERA_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(file, generated);
        }

        foreach (var verb in new[] { "tessera serve", "tessera migrate sql", "tessera identities import", "tessera cleanup", "tessera errors", "tessera version" })
        {
            generated.ShouldContain($"## `{verb}");
        }

        // Regenerate with TESSERA_UPDATE_DOCS=1 and this test when it fails.
        File.ReadAllText(file).ShouldBe(generated);
    }
}
