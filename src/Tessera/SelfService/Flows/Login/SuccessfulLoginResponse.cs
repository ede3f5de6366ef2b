// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Serialization;
using Tessera.Sessions;

namespace Tessera.SelfService.Flows.Login;

/// <summary>Kratos's <c>successfulNativeLogin</c>: the session, and for API clients its token.</summary>
internal sealed record SuccessfulLoginResponse(SessionResponse Session, string? SessionToken)
{
    /// <summary>Kratos answers <c>null</c> (not <c>[]</c>) when nothing follows, so the key is written even when null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public IReadOnlyList<object>? ContinueWith { get; init; }
}
