// SPDX-License-Identifier: Apache-2.0
using Tessera.Sessions;

namespace Tessera.SelfService.Flows.Login;

/// <summary>Kratos's <c>successfulNativeLogin</c>: the session, and for API clients its token.</summary>
internal sealed record SuccessfulLoginResponse(SessionResponse Session, string? SessionToken)
{
    public IReadOnlyList<object> ContinueWith { get; init; } = [];
}
