// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OperatorConsole;

/// <summary>Where a console form comes back to: a console path only, never another site (an open redirect).</summary>
internal static class ConsoleReturnTo
{
    public static string Path(string? requested, string fallback) =>
        requested is { Length: > 0 and <= 200 } path
        && (path == ConsoleSection.Home.Path || path.StartsWith(ConsoleSection.Home.Path + "/", StringComparison.Ordinal))
        && !path.Contains("//", StringComparison.Ordinal) && !path.Contains('\\', StringComparison.Ordinal)
        && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-')
            ? path
            : fallback;
}
