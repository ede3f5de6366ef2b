// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>Identity errors: the admin identity API, identity schemas, imported credentials.</summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor IdentityDisabled = new(
        "identity_disabled", 400,
        "The identity is disabled.",
        "This account was disabled.",
        "The identity's `state` is `inactive`, so it cannot log in or use its sessions.",
        "An administrator can set `state: active` on the identity through the admin API.")
    {
        UiMessageIds = "4010011",
    };

    public static readonly ErrorDescriptor IdentityNotFound = new(
        "identity_not_found", 404,
        "The requested resource could not be found.",
        "Unable to locate the resource.",
        "No identity with this id exists in this project: the id is malformed, was never created, or the identity was deleted.",
        "Check the id against what `POST /admin/identities` or `GET /admin/identities` returned.");

    public static readonly ErrorDescriptor IdentityCredentialNotFound = new(
        "identity_credential_not_found", 404,
        "The requested resource could not be found.",
        "The identity has no credential of type {type}.",
        "`DELETE /admin/identities/{id}/credentials/{type}` named a credential type the identity does not have.",
        "Fetch the identity with `include_credential` to see which credentials it has.");

    public static readonly ErrorDescriptor IdentityConflict = new(
        "identity_conflict", 409,
        "The resource could not be created due to a conflict.",
        "This identity conflicts with another identity that already exists.",
        "Another identity in the project already uses one of this identity's credential identifiers (for example the e-mail address), verifiable or recovery addresses, or its `external_id`. Uniqueness is decided by the database, so this also happens when two requests race; it is also the answer when dozens of updates of the same identity raced and this one lost every time.",
        "Use a different identifier, or update the existing identity instead (find it with `GET /admin/identities?credentials_identifier=`).")
    {
        SeedCodes = [new("oauth:email_already_exists", "A general id: a provider sign-up with an address another identity holds. A verified provider e-mail never links by itself: it opens that account's login with 1010016 (sign in and link); an unverified one shows the registration form with 4000007 (409)."), new("oauth:email_not_verified", "A general id: an unverified provider e-mail never counts as proof of an existing account, so it cannot reach that account; the sign-up is refused as taken (4000007, 409). Without an existing account it is no error: the address is stored unverified.")],
        UiMessageIds = "4000007, 4000027, 4000028",
        Fields = ["traits"],
    };

    public static readonly ErrorDescriptor IdentityTraitsInvalid = new(
        "identity_traits_invalid", 400,
        "The request was malformed or contained invalid parameters.",
        "The traits do not match the identity schema.",
        "The identity's traits violate its identity schema (a required trait is missing, a value has the wrong format or length). `details.messages` lists each violation with the trait's JSON pointer and a 4000xxx message id.",
        "Fix the traits listed in `details.messages`; the identity schema is served at `GET /schemas/{id}`.");

    public static readonly ErrorDescriptor IdentitySchemaUnknown = new(
        "identity_schema_unknown", 400,
        "The request was malformed or contained invalid parameters.",
        "Unable to find JSON Schema ID: {schema_id}",
        "`schema_id` names no schema in `identity.schemas`.",
        "Use one of the ids `GET /schemas` lists, or add the schema to `identity.schemas`.");

    public static readonly ErrorDescriptor IdentitySchemaNotFound = new(
        "identity_schema_not_found", 404,
        "The requested resource could not be found.",
        "Unable to find JSON Schema ID: {schema_id}",
        "`GET /schemas/{id}` named no schema in `identity.schemas` (neither as the id nor base64url-encoded).",
        "Use one of the ids `GET /schemas` lists.");

    public static readonly ErrorDescriptor IdentityPasswordRejected = new(
        "identity_password_rejected", 400,
        "The request was malformed or contained invalid parameters.",
        "The password does not meet the password policy.",
        "The plain-text password given for the identity is too short, too long for the configured hasher, too similar to the identifier, or in the breached-passwords list. `details.messages` carries the 4000xxx message.",
        "Choose another password, or import a hash with `credentials.password.config.hashed_password`.");

    public static readonly ErrorDescriptor IdentityHashedPasswordInvalid = new(
        "identity_hashed_password_invalid", 400,
        "The request was malformed or contained invalid parameters.",
        "The hashed password cannot be imported: {detail}.",
        "`credentials.password.config.hashed_password` is not in a supported format (argon2id/argon2i, bcrypt, pbkdf2 or scrypt PHC strings, ASP.NET Core Identity v2/v3), is malformed, or its cost is so high that verifying it would stall logins.",
        "Export the hash in one of the supported formats; re-hash accounts whose cost exceeds the limits named in the reason.");

    public static readonly ErrorDescriptor IdentityRequestMalformed = new(
        "identity_request_malformed", 400,
        "The request was malformed or contained invalid parameters.",
        "The request body or parameters are not a valid identity request.",
        "The body is not JSON, does not have the shape of the operation's request (for example `traits` is not an object), or a query parameter is invalid.",
        "Send the body described in the admin API reference (`createIdentityBody`, `updateIdentityBody`, JSON Patch, `patchIdentitiesBody`).");
}
