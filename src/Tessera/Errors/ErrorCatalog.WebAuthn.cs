// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>
/// Errors of the WebAuthn ceremonies behind the <c>passkey</c> and <c>webauthn</c> methods. On a flow they show as
/// Kratos's messages (4000043 for a refused ceremony, 4000015 for an unknown passkey, 4000001 for a refused removal);
/// these entries say which refusal it was.
/// </summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor WebAuthnResponseInvalid = new(
        "webauthn_response_invalid", 400,
        "The security key or passkey response is invalid.",
        "The provided web authn login is invalid, please try again.",
        "The browser's WebAuthn response could not be read or did not verify: malformed JSON, a bad signature, a credential the flow did not ask for, or an attestation that does not verify.",
        "Try again from a fresh page; if it keeps failing, the authenticator or the page's script is sending something other than navigator.credentials' result.",
        "Login, registration or settings is re-rendered with message 4000043")
    {
        UiMessageIds = "4000043",
    };

    public static readonly ErrorDescriptor WebAuthnOriginMismatch = new(
        "webauthn_origin_mismatch", 400,
        "The passkey was used on a page this server does not accept.",
        "The WebAuthn ceremony ran on {origin}, which is not one of the relying party's origins.",
        "clientDataJSON names an origin that is not in `selfservice.methods.{passkey,webauthn}.config.rp.origins`: a phishing page, or the sign-in pages moved without the configuration.",
        "Add the page's exact origin (scheme, host and port) to rp.origins; never add an origin you do not control.",
        "Login, registration or settings is re-rendered with message 4000043")
    {
        UiMessageIds = "4000043",
    };

    public static readonly ErrorDescriptor WebAuthnChallengeInvalid = new(
        "webauthn_challenge_invalid", 400,
        "The passkey answered a challenge this flow did not issue.",
        "The WebAuthn response does not answer this flow's current challenge (replayed, or answered for another flow).",
        "Every challenge belongs to one flow and is used once: a response captured earlier, or sent to another flow, carries a challenge that is no longer open.",
        "Start the ceremony again from the page: it carries a fresh challenge.",
        "Login, registration or settings is re-rendered with message 4000043")
    {
        UiMessageIds = "4000043",
    };

    public static readonly ErrorDescriptor WebAuthnSignCountInvalid = new(
        "webauthn_sign_count_invalid", 400,
        "This authenticator's signature counter went backwards.",
        "The authenticator's signature counter did not increase (stored {stored}, received {received}).",
        "An authenticator that counts its signatures reported a counter not above the last one seen: the sign of a cloned authenticator, or of a replayed assertion.",
        "Remove the credential from the account if the user did not clone it; a legitimate key never goes backwards.",
        "Login is re-rendered with message 4000043")
    {
        UiMessageIds = "4000043",
    };

    public static readonly ErrorDescriptor WebAuthnUserVerificationRequired = new(
        "webauthn_user_verification_required", 400,
        "The passkey did not verify the user.",
        "Passwordless sign-in needs user verification (PIN or biometrics), and the authenticator did not perform it.",
        "A passkey or password-less security key replaces the password, so the authenticator must verify the user, not only their presence.",
        "Use an authenticator that supports a PIN or biometrics, or set one up on it.",
        "Login or registration is re-rendered with message 4000043")
    {
        UiMessageIds = "4000043",
    };

    public static readonly ErrorDescriptor WebAuthnCredentialUnknown = new(
        "webauthn_credential_unknown", 400,
        "This account does not exist or has no security key set up.",
        "This account does not exist or has no security key set up.",
        "The passkey's user handle or credential id belongs to no identity (the account or the key was removed).",
        "Sign in another way, or register the passkey again.",
        "Login is re-rendered with message 4000015")
    {
        UiMessageIds = "4000015",
    };

    public static readonly ErrorDescriptor WebAuthnLastCredential = new(
        "webauthn_last_credential", 400,
        "This is the account's last way to sign in.",
        "Unable to remove this security key because it would lock you out of your account.",
        "The settings flow was asked to remove the only credential the identity can sign in with.",
        "Add another way to sign in (a password, another passkey) before removing this one.",
        "Settings is re-rendered with message 4000001")
    {
        UiMessageIds = "4000001",
    };
}
