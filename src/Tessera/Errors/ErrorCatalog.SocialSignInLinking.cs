// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>
/// Social sign-in's account linking (SelfService/Methods/Oidc/Linking): linking a provider account in settings or
/// after "sign in and link", and unlinking one, under the ids seed 002's <c>oauth:*</c> codes map to.
/// </summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor OAuthAccountAlreadyLinked = new(
        "oauth_account_already_linked", 409,
        "This account at the identity provider is already linked to another identity.",
        "The {provider} account is already linked to another identity.",
        "A settings flow's link (or a \"sign in and link\" login) came back from the provider with an account (`{provider}:{subject}`) that another identity already signs in with; a provider account belongs to one identity at most. Seed 002: oauth:account_already_linked.",
        "Sign in with that provider account to reach the identity it belongs to and unlink it there first, or link a different account.",
        "Linking a provider in settings answers 409 (seed 002 oauth:account_already_linked)")
    {
        SeedCodes = [new("oauth:account_already_linked")],
    };

    public static readonly ErrorDescriptor OAuthCannotUnlinkLastConnection = new(
        "oauth_cannot_unlink_last_connection", 400,
        "This identity provider is the last way to sign in and cannot be unlinked.",
        "Unlinking {provider} would leave no way to sign in.",
        "A settings flow's `unlink` named the identity's only way to sign in: no other linked provider, no password, passkey or password-less security key, and no sign-in code (`selfservice.methods.code.passwordless_enabled`). Seed 002: oauth:cannot_unlink_last_connection.",
        "Set a password (or link another provider, add a passkey) in settings first, then unlink this provider.",
        "Unlinking a provider in settings answers 400 (seed 002 oauth:cannot_unlink_last_connection)")
    {
        SeedCodes = [new("oauth:cannot_unlink_last_connection")],
    };

    public static readonly ErrorDescriptor OAuthConnectionNotFound = new(
        "oauth_connection_not_found", 400,
        "This identity provider is not linked to the identity.",
        "No {provider} account is linked to this identity.",
        "A settings flow's `unlink` (or an oidc submission without `link` or `unlink`) named a provider the identity has no account of linked, for example one unlinked meanwhile in another tab. Seed 002: oauth:connection_not_found.",
        "Reload the settings flow: its `unlink` buttons name the providers that are linked.",
        "Unlinking a provider in settings answers 400 (seed 002 oauth:connection_not_found)")
    {
        SeedCodes = [new("oauth:connection_not_found", "400 on the settings flow, not 404.")],
    };
}
