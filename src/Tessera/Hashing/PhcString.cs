// SPDX-License-Identifier: Apache-2.0
using System.Globalization;

namespace Tessera.Hashing;

/// <summary>
/// A PHC string (<c>$argon2id$v=19$m=65536,t=2,p=1$salt$hash</c>, <c>$pbkdf2-sha256$i=1000,l=32$salt$hash</c>).
/// Salt and hash are base64, with or without padding, standard or URL alphabet (tools differ).
/// </summary>
internal sealed record PhcString(string Id, int? Version, IReadOnlyDictionary<string, string> Parameters, byte[] Salt, byte[] Hash)
{
    public static PhcString? TryParse(string text)
    {
        var parts = text.Split('$');
        if (parts.Length is < 5 or > 6 || parts[0].Length != 0 || parts[1].Length == 0)
        {
            return null;
        }

        int? version = null;
        var index = 2;
        if (parts.Length == 6)
        {
            if (!parts[2].StartsWith("v=", StringComparison.Ordinal) || !int.TryParse(parts[2][2..], NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            {
                return null;
            }

            version = v;
            index = 3;
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in parts[index].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            if (kv.Length != 2 || !parameters.TryAdd(kv[0], kv[1]))
            {
                return null;
            }
        }

        var salt = DecodeBase64(parts[index + 1]);
        var hash = DecodeBase64(parts[index + 2]);
        return salt is null || hash is null || hash.Length == 0 ? null : new PhcString(parts[1], version, parameters, salt, hash);
    }

    public long? Long(string key) =>
        Parameters.TryGetValue(key, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static byte[]? DecodeBase64(string text)
    {
        var normalized = text.Replace('-', '+').Replace('_', '/').TrimEnd('=');
        normalized = normalized.PadRight(normalized.Length + ((4 - (normalized.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(normalized);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
