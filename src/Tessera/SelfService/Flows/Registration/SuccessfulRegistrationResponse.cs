// SPDX-License-Identifier: Apache-2.0
using Tessera.Identities.Admin;
using Tessera.Sessions;

namespace Tessera.SelfService.Flows.Registration;

/// <summary>Kratos's <c>successfulNativeRegistration</c>: the identity, and with the session hook the session (and for API clients its token).</summary>
internal sealed record SuccessfulRegistrationResponse(IdentityResponse Identity, SessionResponse? Session, string? SessionToken)
{
    public IReadOnlyList<object> ContinueWith { get; init; } = [];
}
