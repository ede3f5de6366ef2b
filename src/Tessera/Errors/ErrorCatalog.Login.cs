// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>Errors of the login flow.</summary>
internal static partial class ErrorCatalog
{
    // Don't reveal whether an account exists: an unknown identifier, a wrong password and an identity without a
    // password all answer this one entry with the same reason.
    public static readonly ErrorDescriptor CredentialsInvalid = new(
        "credentials_invalid", 400,
        "The provided credentials are invalid.",
        "The provided credentials are invalid, check for spelling mistakes in your password or username, email address, or phone number.",
        "The identifier is unknown, the password does not match, or the identity has no password; the three are deliberately indistinguishable.",
        "Users: check the identifier and password, or recover the account. Operators: repeated failures for one identifier may be an attack; see the rate limits.",
        "Login is re-rendered with message 4000006")
    {
        UiMessageIds = "4000006",
        Fields = ["identifier", "password"],
    };
}
