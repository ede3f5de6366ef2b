// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Sessions.TokenExchange;

/// <summary>Kratos's <c>successfulCodeExchangeResponse</c>: the session and its token.</summary>
internal sealed record SuccessfulCodeExchangeResponse(SessionResponse Session, string SessionToken);
