// SPDX-License-Identifier: Apache-2.0
using System.Text.RegularExpressions;

namespace Tessera.Tests.Codebase;

/// <summary>
/// Time comes from TimeProvider, randomness from RandomNumberGenerator, and nothing blocks on a task. Enforced by
/// reading the source (no analyzer package for banned APIs is available here).
/// </summary>
public sealed partial class BannedApiTests
{
    [Theory]
    [InlineData(@"\bDateTime(Offset)?\.(UtcNow|Now|Today)\b", "inject TimeProvider")]
    [InlineData(@"\bnew\s+Random\s*\(|\bRandom\.Shared\b", "use RandomNumberGenerator")]
    [InlineData(@"\.Result\b(?!\s*[=(])|\.Wait\(\)|\.GetAwaiter\(\)\.GetResult\(\)", "await the task")]
    public void Source_DoesNotUse(string pattern, string instead)
    {
        var regex = new Regex(pattern);
        var offenders = Directory.EnumerateFiles(RepositoryPaths.Source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(x => !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && regex.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(RepositoryPaths.Root, x.f)}:{x.i + 1}: {x.line.Trim()} ({instead})")
            .ToList();

        offenders.ShouldBeEmpty();
    }
}
