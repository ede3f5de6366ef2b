// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OAuth2.Authorization.Logout;

/// <summary>Where a logout request stands; each change is a conditional UPDATE from the expected state.</summary>
internal static class LogoutState
{
    public const string Initialized = "initialized";

    /// <summary>Accepted: the verifier waits to be redeemed at <c>/oauth2/sessions/logout</c>.</summary>
    public const string Accepted = "accepted";

    public const string Rejected = "rejected";

    /// <summary>The verifier was redeemed: the sessions were ended.</summary>
    public const string Used = "used";
}
