// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Sessions;

/// <summary>Where a session was created or used from (Kratos's <c>sessionDevice</c>).</summary>
internal sealed record SessionDevice(Guid Id, string? IpAddress, string? UserAgent, string? Location);
