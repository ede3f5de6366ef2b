// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text.RegularExpressions;

namespace Tessera.Hashing;

/// <summary>Kratos's byte sizes (<c>128MB</c>, <c>64KB</c>, <c>1GB</c>): binary multiples, as Kratos reads them.</summary>
internal static partial class ByteSize
{
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var match = Pattern().Match(text.Trim());
        if (!match.Success || !long.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        var shift = match.Groups["unit"].Value.ToUpperInvariant() switch
        {
            "B" => 0,
            "KB" => 10,
            "MB" => 20,
            "GB" => 30,
            "TB" => 40,
            _ => -1,
        };
        if (shift < 0 || n > long.MaxValue >> shift)
        {
            return false;
        }

        bytes = n << shift;
        return true;
    }

    public static string Format(long bytes) =>
        bytes % (1 << 20) == 0 ? $"{bytes >> 20}MB" : bytes % 1024 == 0 ? $"{bytes >> 10}KB" : $"{bytes}B";

    [GeneratedRegex("^(?<n>[0-9]+)\\s*(?<unit>[A-Za-z]+)$")]
    private static partial Regex Pattern();
}
