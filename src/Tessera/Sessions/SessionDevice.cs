// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Serialization;

namespace Tessera.Sessions;

/// <summary>Where a session was created or used from (Kratos's <c>sessionDevice</c>; its keys are written even when null).</summary>
internal sealed record SessionDevice(
    Guid Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? IpAddress,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? UserAgent,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Location);
