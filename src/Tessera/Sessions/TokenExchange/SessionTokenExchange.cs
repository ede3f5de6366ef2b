// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using Tessera.Errors;

namespace Tessera.Sessions.TokenExchange;

/// <summary>
/// <c>GET /sessions/token-exchange</c>: the native app's two codes give it the session its flow completed with, once.
/// The session gets new secrets at this moment (the token issued at completion went nowhere), so the token answered
/// here is the only one that works. Wrong codes, a flow not completed yet and a second exchange are alike
/// <c>session_token_exchange_code_invalid</c> (404, as Kratos); codes past their flow's lifetime are 410.
/// </summary>
internal sealed class SessionTokenExchange(SessionTokenExchangeStore store, SessionStore sessions, SessionManager manager, SessionResponder responder, TimeProvider clock)
{
    public async Task<Result<SuccessfulCodeExchangeResponse>> ExchangeAsync(string initCode, string returnToCode, CancellationToken cancellationToken)
    {
        if (initCode.Length > SessionToken.MaxLength || returnToCode.Length > SessionToken.MaxLength
            || await store.FindAsync(initCode, returnToCode, cancellationToken) is not { } exchange)
        {
            return ErrorCatalog.SessionTokenExchangeCodeInvalid;
        }

        if (exchange.ExpiresAt <= clock.GetUtcNow())
        {
            return ErrorCatalog.SessionTokenExchangeCodeExpired.With(new Dictionary<string, object?>
            {
                ["expired_at"] = exchange.ExpiresAt.ToString("O", CultureInfo.InvariantCulture),
            }) with { ExpiredAt = exchange.ExpiresAt };
        }

        // Single use: only the caller whose conditional UPDATE marks the exchange used goes on.
        if (exchange.ExchangedAt is not null || !await store.ClaimAsync(exchange.FlowId, cancellationToken))
        {
            return ErrorCatalog.SessionTokenExchangeCodeInvalid;
        }

        var token = SessionToken.NewSessionToken();
        if (!await sessions.ReplaceTokensAsync(exchange.SessionId!.Value, SessionToken.Hash(token), SessionToken.Hash(SessionToken.LogoutTokenFor(token)), cancellationToken))
        {
            return ErrorCatalog.SessionTokenExchangeCodeInvalid;
        }

        var session = await manager.FetchAsync(token, cancellationToken);
        if (!session.Succeeded)
        {
            return ErrorCatalog.SessionTokenExchangeCodeInvalid;
        }

        return new SuccessfulCodeExchangeResponse(await responder.ToResponseAsync(session.Value, cancellationToken), token);
    }
}
