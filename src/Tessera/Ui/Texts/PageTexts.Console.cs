// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Ui.Texts;

/// <summary><c>/console</c>: the operator console on the admin listener.</summary>
internal static partial class PageTexts
{
    public static readonly PageText Console = new("console.title", "Operator console");
    public static readonly PageText ConsoleIdentities = new("console.nav.identities", "Identities");
    public static readonly PageText ConsoleSessions = new("console.nav.sessions", "Sessions");
    public static readonly PageText ConsoleCourier = new("console.nav.courier", "Courier");
    public static readonly PageText ConsoleHooks = new("console.nav.hooks", "Hooks");
    public static readonly PageText ConsoleErrors = new("console.nav.errors", "Errors");
    public static readonly PageText ConsoleSignIn = new("console.sign_in.title", "Sign in to the console");
    public static readonly PageText ConsoleSignInHelp = new("console.sign_in.help", "Paste an admin API key (tessera_admin_...). The console keeps it for one hour in a session cookie; the key itself is not stored.");
    public static readonly PageText ConsoleAdminKey = new("console.sign_in.admin_key", "Admin API key");
    public static readonly PageText ConsoleSignInButton = new("console.sign_in.submit", "Sign in");
    public static readonly PageText ConsoleOpen = new("console.sign_in.open", "Open the console");
    public static readonly PageText ConsoleSignOut = new("console.sign_out", "Sign out");
    public static readonly PageText ConsoleAuthOff = new("console.auth_off", "Admin authentication is off: anyone who reaches the admin listener can use this console and the admin API. Create an admin key (tessera keys create) to require one.");
    public static readonly PageText ConsoleWelcome = new("console.home.intro", "Manage identities, sessions, courier messages and hook executions, and see which errors users hit.");
    public static readonly PageText ConsoleSignedInWithKey = new("console.home.signed_in_with_key", "Signed in with an admin key; the console session ends at {expires_at}.");
    public static readonly PageText ConsoleSearch = new("console.search", "Search");
    public static readonly PageText ConsoleIdentifier = new("console.identities.identifier", "Identifier");
    public static readonly PageText ConsoleTrait = new("console.identities.trait", "Trait value");
    public static readonly PageText ConsoleNoResults = new("console.no_results", "Nothing found.");
    public static readonly PageText ConsoleNext = new("console.next_page", "Next page");
    public static readonly PageText ConsoleId = new("console.id", "ID");
    public static readonly PageText ConsoleState = new("console.state", "State");
    public static readonly PageText ConsoleCreatedAt = new("console.created_at", "Created");
    public static readonly PageText ConsoleUpdatedAt = new("console.updated_at", "Updated");
    public static readonly PageText ConsoleSchema = new("console.identity.schema", "Schema");
    public static readonly PageText ConsoleTraits = new("console.identity.traits", "Traits");
    public static readonly PageText ConsoleAddresses = new("console.identity.addresses", "Addresses");
    public static readonly PageText ConsoleVerified = new("console.identity.verified", "Verified");
    public static readonly PageText ConsoleCredentials = new("console.identity.credentials", "Credentials");
    public static readonly PageText ConsoleCredentialType = new("console.identity.credential_type", "Type");
    public static readonly PageText ConsoleIdentifiers = new("console.identity.identifiers", "Identifiers");
    public static readonly PageText ConsoleDisable = new("console.identity.disable", "Disable");
    public static readonly PageText ConsoleEnable = new("console.identity.enable", "Enable");
    public static readonly PageText ConsoleDelete = new("console.identity.delete", "Delete");
    public static readonly PageText ConsoleSendRecovery = new("console.identity.send_recovery", "Send a recovery code");
    public static readonly PageText ConsoleRecoverySent = new("console.identity.recovery_sent", "A recovery code was sent to {address}.");
    public static readonly PageText ConsoleDisabled = new("console.identity.disabled", "The identity is disabled and its sessions are revoked.");
    public static readonly PageText ConsoleEnabled = new("console.identity.enabled", "The identity is enabled.");
    public static readonly PageText ConsoleDeleted = new("console.identity.deleted", "The identity was deleted.");
    public static readonly PageText ConsoleActiveOnly = new("console.sessions.active_only", "Active only");
    public static readonly PageText ConsoleIdentity = new("console.sessions.identity", "Identity");
    public static readonly PageText ConsoleActive = new("console.sessions.active", "Active");
    public static readonly PageText ConsoleExpiresAt = new("console.sessions.expires_at", "Expires");
    public static readonly PageText ConsoleAuthenticatedAt = new("console.sessions.authenticated_at", "Signed in");
    public static readonly PageText ConsoleAal = new("console.sessions.aal", "AAL");
    public static readonly PageText ConsoleRevoke = new("console.sessions.revoke", "Revoke");
    public static readonly PageText ConsoleRevoked = new("console.sessions.revoked", "The session was revoked.");
    public static readonly PageText ConsoleStatus = new("console.courier.status", "Status");
    public static readonly PageText ConsoleRecipient = new("console.courier.recipient", "Recipient");
    public static readonly PageText ConsoleTemplate = new("console.courier.template", "Template");
    public static readonly PageText ConsoleRetries = new("console.courier.retries", "Sends");
    public static readonly PageText ConsoleLastError = new("console.courier.last_error", "Last error");
    public static readonly PageText ConsoleResend = new("console.courier.resend", "Resend");
    public static readonly PageText ConsoleResent = new("console.courier.resent", "The message is queued again.");
    public static readonly PageText ConsoleAll = new("console.all", "All");
    public static readonly PageText ConsoleHook = new("console.hooks.hook", "Hook");
    public static readonly PageText ConsoleFlow = new("console.hooks.flow", "Flow");
    public static readonly PageText ConsoleOutcome = new("console.hooks.outcome", "Outcome");
    public static readonly PageText ConsoleDuration = new("console.hooks.duration", "Duration");
    public static readonly PageText ConsoleFailed = new("console.failed", "The action failed.");
}
