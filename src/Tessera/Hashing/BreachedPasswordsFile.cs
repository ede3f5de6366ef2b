// SPDX-License-Identifier: Apache-2.0
using System.Globalization;

namespace Tessera.Hashing;

/// <summary>Reads the offline breached-passwords list: <c>SHA1HEX[:count]</c> per line; a missing count means "many".</summary>
internal static class BreachedPasswordsFile
{
    public static Dictionary<string, long> Load(string? path)
    {
        var digests = new Dictionary<string, long>(StringComparer.Ordinal);
        if (path is null)
        {
            return digests;
        }

        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length < 40 || line.StartsWith('#'))
            {
                continue;
            }

            var count = line.Length > 41 && line[40] == ':' && long.TryParse(line.AsSpan(41), NumberStyles.None, CultureInfo.InvariantCulture, out var c)
                ? c
                : long.MaxValue;
            digests[line[..40].ToUpperInvariant()] = count;
        }

        return digests;
    }
}
