// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OAuth2.Authorization.Flows;

/// <summary>
/// Where an authorization request stands (Hydra v2's flow states). Every transition is a conditional UPDATE from
/// one named state to the next, so a challenge is handled once and a verifier redeemed once.
/// </summary>
internal static class FlowState
{
    /// <summary>Waiting for the login app to accept or reject the login challenge.</summary>
    public const string LoginInitialized = "login_initialized";

    /// <summary>Login accepted: the login verifier waits to be redeemed at <c>/oauth2/auth</c>.</summary>
    public const string LoginUnused = "login_unused";

    /// <summary>Login rejected: the verifier, when redeemed, sends the error to the client.</summary>
    public const string LoginError = "login_error";

    /// <summary>Waiting for the consent app to accept or reject the consent challenge.</summary>
    public const string ConsentInitialized = "consent_initialized";

    /// <summary>Consent accepted: the consent verifier waits to be redeemed.</summary>
    public const string ConsentUnused = "consent_unused";

    public const string ConsentError = "consent_error";

    /// <summary>The consent verifier was redeemed (a code was issued or the error sent): the flow is spent.</summary>
    public const string ConsentUsed = "consent_used";
}
