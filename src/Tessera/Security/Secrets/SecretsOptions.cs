// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Security.Secrets;

/// <summary>
/// <c>secrets.default</c> and <c>secrets.cookie</c> as Kratos's schema has them: lists of strings of at least 16
/// characters, no repeats. The first secret of a list signs, every secret of it verifies, so a secret is rotated by
/// putting a new one first and keeping the old ones until what they signed has expired. <c>secrets.cookie</c>
/// falls back to <c>secrets.default</c>. Both empty: the server uses a secret it generated and stored itself.
/// </summary>
internal sealed record SecretsOptions(IReadOnlyList<string> Default, IReadOnlyList<string> Cookie)
{
    public const string DefaultKey = "secrets.default";
    public const string CookieKey = "secrets.cookie";
    public const int MinLength = 16;

    public static SecretsOptions Bind(ConfigurationTree config) =>
        new(BindList(config, DefaultKey), BindList(config, CookieKey));

    private static IReadOnlyList<string> BindList(ConfigurationTree config, string key)
    {
        var secrets = config.GetStringList(key);
        for (var i = 0; i < secrets.Count; i++)
        {
            // The reason names the position only: a configuration error is printed, and the value is a secret.
            if (secrets[i].Length < MinLength)
            {
                throw new ConfigurationException($"{key}[{i}]", $"every secret must be at least {MinLength} characters long");
            }

            if (secrets.Take(i).Contains(secrets[i], StringComparer.Ordinal))
            {
                throw new ConfigurationException($"{key}[{i}]", "repeats an earlier secret of the list");
            }
        }

        return secrets;
    }
}
