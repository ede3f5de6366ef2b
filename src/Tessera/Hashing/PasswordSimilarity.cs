// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Hashing;

/// <summary>
/// Kratos-style "too similar to the identifier": compared case-insensitively, a password is refused when it is
/// within an edit distance of 5 of the identifier (or of an e-mail's local part), or when more than half of it is
/// one substring shared with the identifier.
/// </summary>
internal static class PasswordSimilarity
{
    private const int MinDistance = 5;

    public static bool TooSimilar(string identifier, string password)
    {
        var id = identifier.Trim().ToLowerInvariant();
        var pw = password.ToLowerInvariant();
        if (id.Length == 0 || pw.Length == 0)
        {
            return false;
        }

        var at = id.IndexOf('@', StringComparison.Ordinal);
        var candidates = at > 0 ? new[] { id, id[..at] } : [id];
        return candidates.Any(c => Levenshtein(c, pw) < MinDistance || (double)LongestCommonSubstring(c, pw) / pw.Length > 0.5);
    }

    public static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    public static int LongestCommonSubstring(string a, string b)
    {
        var best = 0;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : 0;
                best = Math.Max(best, current[j]);
            }

            (previous, current) = (current, previous);
            Array.Clear(current);
        }

        return best;
    }
}
