// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Projects.Overlays;
using Tessera.SelfService.Methods.Oidc.Providers;

namespace Tessera.SelfService.Methods.Oidc.Callback;

/// <summary>
/// <c>/self-service/methods/oidc/callback/{provider}</c>: the provider's redirect back, in four steps that are separate
/// jobs: the state is redeemed (<see cref="OidcStateValidator"/>), the provider's answer read (its <c>error</c> passed
/// on, else its code: <see cref="OidcAuthorizationResponse"/>), the code exchanged and the ID token or user info read
/// (<see cref="OidcCodeExchange"/>), and the claims handed to <see cref="OidcCallbackOutcome"/> (a settings link, or
/// sign in or register).
/// </summary>
internal sealed class OidcCallbackHandler(
    ProjectOptions<OidcOptions> options, OidcStateValidator states, OidcExpiredSignIn expired, OidcCodeExchange exchange, OidcCallbackOutcome outcome)
{
    public async Task<IResult> HandleAsync(HttpContext context, string providerId, IReadOnlyDictionary<string, string?> parameters, CancellationToken cancellationToken)
    {
        if (options.Value is not { Enabled: true } offered || offered.Find(providerId) is not { } provider)
        {
            return new ErrorResult(OidcFailures.NotOffered(providerId));
        }

        var opened = await states.RedeemAsync(context, provider, parameters.GetValueOrDefault("state"), cancellationToken);
        if (!opened.TryGetValue(out var found, out var refused))
        {
            return await expired.AnswerAsync(context, refused, parameters.GetValueOrDefault("state"), cancellationToken);
        }

        var (flow, remembered) = found;
        if (!OidcAuthorizationResponse.Code(parameters).TryGetValue(out var code, out var answered))
        {
            return new ErrorResult(answered);
        }

        var exchanged = await exchange.ExchangeAsync(provider, code, remembered, cancellationToken);
        if (!exchanged.TryGetValue(out var result, out var failed))
        {
            return new ErrorResult(failed);
        }

        return await outcome.AnswerAsync(context, flow, provider, result.Claims, result.Tokens, cancellationToken);
    }
}
