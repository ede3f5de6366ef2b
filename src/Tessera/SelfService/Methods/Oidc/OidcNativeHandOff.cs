// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Tessera.Hosting;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Login;
using Tessera.SelfService.Flows.Registration;
using Tessera.Sessions.TokenExchange;

namespace Tessera.SelfService.Methods.Oidc;

/// <summary>
/// Kratos's <c>MaybeRedirectAPICodeFlow</c>: a native flow created with <c>return_session_token_exchange_code=true</c>
/// and completed at the provider ends in the system browser, not in the app. Instead of the session JSON (which would
/// show the browser a session token), the session is attached to the flow's exchange and the browser goes to the
/// flow's <c>return_to</c> (else the default return URL) with <c>code</c> = the return-to code (303); the app then
/// calls <c>GET /sessions/token-exchange</c>. Any other answer passes unchanged.
/// </summary>
internal sealed class OidcNativeHandOff(SessionTokenExchangeStore exchanges, FlowCompletion completion)
{
    public async Task<IResult> AnswerAsync(Flow flow, IResult answer, CancellationToken cancellationToken)
    {
        if (flow.Type != FlowType.Api)
        {
            return answer;
        }

        var session = answer switch
        {
            Ok<SuccessfulLoginResponse> login => login.Value?.Session,
            Ok<SuccessfulRegistrationResponse> registration => registration.Value?.Session,
            _ => null,
        };
        if (session is null || await exchanges.AttachAsync(flow.Id, session.Id, cancellationToken) is not { } code)
        {
            return answer;
        }

        return new SeeOtherResult(new Uri(QueryHelpers.AddQueryString(completion.ReturnTarget(flow).AbsoluteUri, "code", code)));
    }
}
