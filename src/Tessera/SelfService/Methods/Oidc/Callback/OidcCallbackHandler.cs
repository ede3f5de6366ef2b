// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Tessera.Errors;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Methods.Oidc.Providers;

namespace Tessera.SelfService.Methods.Oidc.Callback;

/// <summary>
/// <c>/self-service/methods/oidc/callback/{provider}</c>: the provider's redirect back. The state must name a flow
/// that is waiting for this provider, still open, and started in this browser; it is consumed at once (a replay finds
/// nothing). Then the provider's <c>error</c> is passed on, or the code is exchanged, the ID token validated (or a plain
/// OAuth2 provider's user info read), and the claims go to <see cref="OidcSignIn"/>.
/// </summary>
internal sealed class OidcCallbackHandler(
    OidcOptions options, FlowStore flows, OidcStateCookie cookie, OidcProviderMetadata metadata, OidcTokenClient tokens,
    OidcIdTokenValidator idTokens, OidcAuthorizationStart start, OidcSignIn signIn, TimeProvider clock)
{
    public async Task<IResult> HandleAsync(HttpContext context, string providerId, IReadOnlyDictionary<string, string?> parameters, CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return new ErrorResult(ErrorCatalog.SocialSignInDisabled);
        }

        if (options.Find(providerId) is not { } provider)
        {
            return new ErrorResult(ErrorCatalog.SocialSignInProviderNotFound.With(new Dictionary<string, object?> { ["provider"] = providerId }));
        }

        var state = parameters.GetValueOrDefault("state");
        var opened = await OpenAsync(context, provider, state, cancellationToken);
        if (!opened.TryGetValue(out var found, out var refused))
        {
            return new ErrorResult(refused);
        }

        var (flow, remembered) = found;
        if (parameters.GetValueOrDefault("error") is { Length: > 0 } error)
        {
            return new ErrorResult(ErrorCatalog.SocialSignInProviderRefused.With(new Dictionary<string, object?>
            {
                ["provider_error"] = error,
                ["provider_error_description"] = parameters.GetValueOrDefault("error_description") ?? string.Empty,
            }) with { Details = new Dictionary<string, object?> { ["provider_error"] = error } });
        }

        if (parameters.GetValueOrDefault("code") is not { Length: > 0 } code)
        {
            return new ErrorResult(ErrorCatalog.SocialSignInResponseInvalid.With(new Dictionary<string, object?>
            {
                ["endpoint"] = "authorization response", ["problem"] = "it carries neither code nor error",
            }));
        }

        var exchanged = await ExchangeAsync(provider, code, remembered, cancellationToken);
        if (!exchanged.TryGetValue(out var result, out var failed))
        {
            return new ErrorResult(failed);
        }

        return await signIn.CompleteAsync(context, flow, provider, result.Claims, result.Tokens, cancellationToken);
    }

    /// <summary>The flow the state names, its remembered sign-in consumed, or why the state is refused.</summary>
    private async Task<Result<(Flow Flow, OidcSignInState Remembered)>> OpenAsync(
        HttpContext context, OidcProvider provider, string? state, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(state))
        {
            return StateInvalid("missing");
        }

        var flowId = OidcSignInState.FlowIdOf(state);
        var flow = flowId is { } id
            ? await flows.FindAsync(id, FlowKind.Login, cancellationToken) ?? await flows.FindAsync(id, FlowKind.Registration, cancellationToken)
            : null;
        if (flow is null)
        {
            return StateInvalid("unknown");
        }

        if (FlowFinality.IsFinished(flow) || OidcSignInState.Of(flow) is not { } remembered)
        {
            return StateInvalid("already used");
        }

        if (!remembered.Matches(state) || remembered.Provider != provider.Id || (flow.Type == FlowType.Browser && !cookie.Holds(context, state)))
        {
            // Don't reveal which part failed: a forged state learns nothing about the flow it names.
            return StateInvalid("not from this browser's sign-in");
        }

        OidcSignInState.RemoveFrom(flow);
        var saved = await flows.SaveAsync(flow, cancellationToken);
        cookie.Clear(context);
        if (saved.Outcome != FlowSaveOutcome.Saved)
        {
            return StateInvalid("already used");
        }

        if (flow.IsExpiredAt(clock.GetUtcNow()))
        {
            return StateInvalid("expired");
        }

        return (saved.Flow, remembered);
    }

    private async Task<Result<(JsonObject Claims, OidcTokens Tokens)>> ExchangeAsync(
        OidcProvider provider, string code, OidcSignInState remembered, CancellationToken cancellationToken)
    {
        var tokenUrl = provider.TokenUrl;
        if (tokenUrl is null)
        {
            var discovered = await OidcProviderCall.RunAsync<OpenIdConnectConfiguration>("discovery document",
                async timeout => await metadata.GetAsync(provider, timeout), cancellationToken);
            if (!discovered.Succeeded)
            {
                return discovered.Error;
            }

            if (!Uri.TryCreate(discovered.Value.TokenEndpoint, UriKind.Absolute, out tokenUrl))
            {
                return ErrorCatalog.SocialSignInResponseInvalid.With(new Dictionary<string, object?> { ["endpoint"] = "discovery document", ["problem"] = "no token_endpoint" });
            }
        }

        var exchanged = await tokens.ExchangeAsync(tokenUrl, provider.ClientId, provider.ClientSecret, code, start.CallbackUrl(provider), remembered.Verifier, cancellationToken);
        if (!exchanged.TryGetValue(out var received, out var refused))
        {
            return refused;
        }

        if (provider.IssuesIdTokens)
        {
            if (received.IdToken is null)
            {
                return ErrorCatalog.SocialSignInResponseInvalid.With(new Dictionary<string, object?> { ["endpoint"] = "token endpoint", ["problem"] = "no id_token" });
            }

            var claims = await idTokens.ValidateAsync(provider, received.IdToken, remembered.Nonce, cancellationToken);
            return claims.Succeeded ? (claims.Value, received) : claims.Error;
        }

        var userInfo = await tokens.UserInfoAsync(provider.UserInfoUrl!, received.AccessToken, cancellationToken);
        if (!userInfo.Succeeded)
        {
            return userInfo.Error;
        }

        using var document = userInfo.Value;
        if (JsonNode.Parse(document.RootElement.GetRawText()) is not JsonObject data)
        {
            return ErrorCatalog.SocialSignInResponseInvalid.With(new Dictionary<string, object?> { ["endpoint"] = "user info endpoint", ["problem"] = "not a JSON object" });
        }

        // Plain OAuth2 providers name the user "id" (GitHub, Discord, Facebook); it is their subject.
        data["sub"] ??= data["id"]?.ToString();
        return (data, received);
    }

    private static TesseraError StateInvalid(string problem) =>
        ErrorCatalog.SocialSignInStateInvalid.With(new Dictionary<string, object?> { ["problem"] = problem });
}
