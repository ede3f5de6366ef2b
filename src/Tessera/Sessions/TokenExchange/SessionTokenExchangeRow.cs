// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Sessions.TokenExchange;

/// <summary>One row of <c>session_token_exchanges</c> (see <see cref="SessionTokenExchangeStore"/>).</summary>
internal sealed class SessionTokenExchangeRow
{
    public Guid FlowId { get; init; }

    public string? ReturnToCodeHash { get; init; }

    public Guid? SessionId { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? ExchangedAt { get; init; }
}
