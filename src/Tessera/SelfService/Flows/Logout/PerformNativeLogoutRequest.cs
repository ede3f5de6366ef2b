// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Flows.Logout;

/// <summary>Kratos's <c>performNativeLogoutBody</c>.</summary>
internal sealed record PerformNativeLogoutRequest(string? SessionToken);
