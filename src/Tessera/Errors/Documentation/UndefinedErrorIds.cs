// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text;

namespace Tessera.Errors.Documentation;

/// <summary>
/// Ids a client might look for (Kratos defines them, or an earlier Tessera or a seed named them) that the catalog does
/// not have because nothing answers them, each with what a client meets instead. The catalog holds only ids something
/// emits (the catalog-alive check in test.sh); this list keeps the decision visible in docs/errors.md.
/// </summary>
internal static class UndefinedErrorIds
{
    public static IReadOnlyList<UndefinedErrorId> All { get; } =
    [
        new("invalid_configuration", "Tessera checks its configuration at start-up and refuses to start, naming the key (Kratos answers 500 `invalid_configuration` while serving requests). No request meets it.")
        {
            SeedCodes =
            [
                new("oauth:invalid_auth_url", "A general meaning: a provider's `auth_url` that is not an absolute http(s) URL stops start-up with its key path (`selfservice.methods.oidc.config.providers.<n>.auth_url`); no sign-in meets it."),
                new("oauth:invalid_token_url", "The same for a provider's `token_url`."),
                new("PROVIDER_CONFIGURATION_ERROR", "Any invalid provider entry (unknown preset, missing client_id or mapper, a Jsonnet mapper) stops start-up with its key path, never a 500 at sign-in."),
            ],
        },
        new("permission_insufficient", "No endpoint of Tessera is guarded by relation tuples. A denied permission check (`/relation-tuples/check`) answers 403 `{\"allowed\": false}` without an error id, as Keto does. Seed 003's `AUTH_FORBIDDEN` has no entry for the same reason."),
        new("session_aal_already_fulfilled", "Kratos defines it but never answers it; a login flow for an assurance level the session already has answers `session_already_available`, as in Kratos."),
        new("totp_already_enabled", "Settings offers linking an authenticator app only while none is linked; a submission that links a second one anyway is re-rendered with message 4000001 (`validation_failed`)."),
    ];

    public static string Markdown()
    {
        var md = new StringBuilder("""

            ## Ids that are not in the catalog

            The catalog lists only ids Tessera answers. These ids are defined by Kratos or named in earlier designs but
            nothing in Tessera answers them:

            | Identifier | What happens instead |
            |---|---|

            """);
        foreach (var entry in All)
        {
            var (id, instead) = entry;
            md.Append(CultureInfo.InvariantCulture, $"| `{id}`{SeedCodeSection.Beside(entry.SeedCodes)} | {instead.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }

        return md.ToString();
    }
}
