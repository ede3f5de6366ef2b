// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Methods.Oidc.Linking;
using Tessera.SelfService.Methods.Oidc.Providers;

namespace Tessera.SelfService.Methods.Oidc.Callback;

/// <summary>
/// <c>/self-service/methods/oidc/callback/{provider}</c>: the provider's redirect back. The steps are separate jobs:
/// the state is redeemed (<see cref="OidcStateValidator"/>), then the provider's <c>error</c> is passed on, or the code
/// is exchanged and the ID token or user info read (<see cref="OidcCodeExchange"/>), and the claims go to
/// <see cref="OidcSignIn"/> (sign in or register).
/// </summary>
internal sealed class OidcCallbackHandler(OidcOptions options, OidcStateValidator states, OidcCodeExchange exchange, OidcSignIn signIn,
    OidcSettingsLink settingsLink, OidcNativeHandOff handOff, OidcExpiredSignIn expired)
{
    public async Task<IResult> HandleAsync(HttpContext context, string providerId, IReadOnlyDictionary<string, string?> parameters, CancellationToken cancellationToken)
    {
        if (!options.Enabled || options.Find(providerId) is not { } provider)
        {
            return new ErrorResult(OidcFailures.NotOffered(providerId));
        }

        var opened = await states.RedeemAsync(context, provider, parameters.GetValueOrDefault("state"), cancellationToken);
        if (!opened.TryGetValue(out var found, out var refused))
        {
            return await expired.AnswerAsync(context, refused, parameters.GetValueOrDefault("state"), cancellationToken);
        }

        var (flow, remembered) = found;
        if (parameters.GetValueOrDefault("error") is { Length: > 0 } error)
        {
            return new ErrorResult(ErrorCatalog.ProviderRefused.With(new Dictionary<string, object?>
            {
                ["provider_error"] = error,
                ["provider_error_description"] = parameters.GetValueOrDefault("error_description") ?? string.Empty,
            }) with { Details = new Dictionary<string, object?> { ["provider_error"] = error } });
        }

        if (parameters.GetValueOrDefault("code") is not { Length: > 0 } code)
        {
            return new ErrorResult(OidcFailures.Unusable("authorization response", "code_missing", "it carries neither code nor error"));
        }

        var exchanged = await exchange.ExchangeAsync(provider, code, remembered, cancellationToken);
        if (!exchanged.TryGetValue(out var result, out var failed))
        {
            return new ErrorResult(failed);
        }

        // A settings flow's link (issue 19) comes back here too: the account is linked to the signed-in identity.
        if (flow.Kind == FlowKind.Settings)
        {
            return await settingsLink.CompleteAsync(context, flow, provider, result.Claims, result.Tokens, cancellationToken);
        }

        return await handOff.AnswerAsync(flow, await signIn.CompleteAsync(context, flow, provider, result.Claims, result.Tokens, cancellationToken), cancellationToken);
    }
}
