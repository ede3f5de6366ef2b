// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Projects.Overlays;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Methods.Oidc.Callback;
using Tessera.SelfService.Methods.Oidc.Providers;

namespace Tessera.SelfService.Methods.Oidc;

/// <summary>
/// A login or registration submitted with <c>method=oidc</c> and a <c>provider</c>: the flow remembers a fresh state,
/// PKCE verifier and nonce, and the browser is sent to the provider's authorization endpoint (303; a script gets 422
/// <c>browser_location_change_required</c> with <c>redirect_browser_to</c>, seed row B4).
/// </summary>
internal sealed class OidcAuthorizationStart(ProjectOptions<OidcOptions> options, OidcProviderMetadata metadata, FlowStore flows, OidcStateCookie cookie, PublicUrls urls)
{
    public const string CallbackPath = "/self-service/methods/oidc/callback/";

    /// <summary>Kratos's forms send <c>provider</c> (the button's value) with or without <c>method=oidc</c>.</summary>
    public static bool Handles(string? method, string? provider) => method == OidcNodes.Group || (method is null && provider is not null);

    public Uri CallbackUrl(OidcProvider provider) => urls.For(CallbackPath + provider.Id);

    public async Task<IResult> StartAsync(HttpContext context, Flow flow, string? providerId, CancellationToken cancellationToken)
    {
        if (providerId is null || options.Value is not { Enabled: true } offered || offered.Find(providerId) is not { } provider)
        {
            return new ErrorResult(OidcFailures.NotOffered(providerId ?? string.Empty));
        }

        var endpoint = await metadata.EndpointAsync(provider, provider.AuthUrl, "authorization_endpoint", d => d.AuthorizationEndpoint, cancellationToken);
        if (!endpoint.Succeeded)
        {
            return new ErrorResult(endpoint.Error);
        }

        var (remembered, state) = OidcSignInState.Start(flow.Id, provider.Id);
        remembered.SaveTo(flow);
        await flows.SaveAsync(flow, cancellationToken);
        if (flow.Type == FlowType.Browser)
        {
            cookie.Set(context, state, flow.ExpiresAt);
        }

        var query = new Dictionary<string, string?>
        {
            ["client_id"] = provider.ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = CallbackUrl(provider).AbsoluteUri,
            ["scope"] = string.Join(' ', provider.Scope),
            ["state"] = state,
            ["code_challenge"] = remembered.Challenge,
            ["code_challenge_method"] = "S256",
        };
        if (provider.IssuesIdTokens)
        {
            query["nonce"] = remembered.Nonce;
        }

        if (provider.RequestedClaims is { } claims)
        {
            query["claims"] = claims;
        }

        var target = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(endpoint.Value.AbsoluteUri, query);
        return FlowCompletion.AnswersWithRedirect(context, flow)
            ? new SeeOtherResult(new Uri(target))
            : new ErrorResult(new TesseraError(ErrorCatalog.BrowserLocationChangeRequired)
            {
                RedirectBrowserTo = target,
                Context = new Dictionary<string, object?> { ["redirect_browser_to"] = target },
            });
    }
}
