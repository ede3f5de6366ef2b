// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Sessions;

/// <summary>Kratos's <c>deleteMySessionsCount</c>.</summary>
internal sealed record RevokedSessionsResponse(int Count);
