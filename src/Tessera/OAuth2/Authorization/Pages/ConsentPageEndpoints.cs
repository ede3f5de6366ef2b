// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Localization;
using Tessera.OAuth2.Authorization.Admin;
using Tessera.OAuth2.Authorization.Consent;
using Tessera.OAuth2.Authorization.Flows;
using Tessera.Security.Csrf;
using Tessera.Sessions;
using Tessera.Ui;
using Tessera.Hosting.RequestBodies;

namespace Tessera.OAuth2.Authorization.Pages;

/// <summary>
/// Tessera's own consent app (public listener), where the authorization endpoint sends the browser when
/// <c>urls.consent</c> is not set. It answers the consent request through the same code as Hydra's admin API:
/// GET  /ui/consent?consent_challenge=   the page (only to the signed-in subject of the request)
/// POST /ui/consent                      Allow or Deny (CSRF-protected): 303 to the authorization endpoint
/// POST /ui/settings/apps/revoke         revoke a remembered grant from the settings page (CSRF-protected)
/// </summary>
internal static class ConsentPageEndpoints
{
    public const string Path = "/ui/consent";
    public const string RevokePath = "/ui/settings/apps/revoke";

    public static IEndpointRouteBuilder MapConsentPages(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapPublicApi();
        pages.MapGet(Path, ShowConsent);
        pages.MapPost(Path, SubmitConsent).DisableAntiforgery();
        pages.MapPost(RevokePath, RevokeApp).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> ShowConsent(
        HttpContext context, ConsentRequests requests, SessionManager sessions, ClientDescriptions clients, CsrfProtection csrf, CancellationToken cancellationToken)
    {
        var challenge = context.Request.Query["consent_challenge"].ToString();
        var found = await FindOwnAsync(challenge, context.Request, requests, sessions, cancellationToken);
        if (!found.TryGetValue(out var flow, out var error))
        {
            return new ErrorResult(error);
        }

        var clientName = await clients.NameAsync(flow.ClientId, cancellationToken);
        // Browsers apply form-action to the redirects after Allow or Deny, which end at the client's redirect URI.
        UiContentSecurityPolicy.AllowFormTargets(context, await clients.RedirectUrisAsync(flow.ClientId, cancellationToken));
        return ConsentPageView.Render(flow, challenge, clientName, csrf.EnsureToken(context), RequestLanguage.Of(context.Request)).ToResult(StatusCodes.Status200OK);
    }

    private static async Task<IResult> SubmitConsent(
        HttpContext context, ConsentRequests requests, SessionManager sessions, CsrfProtection csrf, CancellationToken cancellationToken)
    {
        if ((await RequestBodyReader.ReadFormAsync(context.Request, cancellationToken)).ValueOrNull is not { } form)
        {
            return new ErrorResult(FlowErrors.Invalid("The consent form must be posted as application/x-www-form-urlencoded."));
        }

        if (csrf.Validate(context.Request, form[CsrfProtection.FieldName], csrf.IssuedCookie(context.Request) ?? string.Empty) is { } violation)
        {
            return new ErrorResult(violation);
        }

        var challenge = form["consent_challenge"].ToString();
        var found = await FindOwnAsync(challenge, context.Request, requests, sessions, cancellationToken);
        if (!found.TryGetValue(out var flow, out var error))
        {
            return new ErrorResult(error);
        }

        var outcome = form["action"] == "allow"
            ? await requests.AcceptAsync(challenge, new AcceptConsentBody
            {
                GrantScope = flow.RequestedScopes,
                GrantAccessTokenAudience = flow.RequestedAudiences,
                Remember = form["remember"] == "true",
            }, cancellationToken)
            : await requests.RejectAsync(challenge, new FlowRejection
            {
                Error = "access_denied",
                ErrorDescription = "The resource owner or authorization server denied the request.",
                ErrorHint = "The user denied the application access.",
                StatusCode = StatusCodes.Status403Forbidden,
            }, cancellationToken);
        return outcome.TryGetValue(out var redirectTo, out var failure) ? new SeeOtherResult(new Uri(redirectTo)) : new ErrorResult(failure);
    }

    private static async Task<IResult> RevokeApp(
        HttpContext context, ConsentGrantStore grants, SessionManager sessions, CsrfProtection csrf, CancellationToken cancellationToken)
    {
        if ((await RequestBodyReader.ReadFormAsync(context.Request, cancellationToken)).ValueOrNull is not { } form)
        {
            return new ErrorResult(FlowErrors.Invalid("The form must be posted as application/x-www-form-urlencoded."));
        }

        if (csrf.Validate(context.Request, form[CsrfProtection.FieldName], csrf.IssuedCookie(context.Request) ?? string.Empty) is { } violation)
        {
            return new ErrorResult(violation);
        }

        var session = await sessions.FetchAsync(context.Request, cancellationToken);
        if (!session.TryGetValue(out var current, out var error))
        {
            return new ErrorResult(error);
        }

        var clientId = form["client_id"].ToString();
        if (clientId.Length > 0)
        {
            await grants.RevokeAsync(current.IdentityId.ToString(), clientId, cancellationToken);
        }

        return new SeeOtherResult(new Uri(form["return_to"].ToString() is { Length: > 0 } back && back.StartsWith('/') && !back.StartsWith("//", StringComparison.Ordinal)
            ? $"{context.Request.Scheme}://{context.Request.Host}{back}"
            : $"{context.Request.Scheme}://{context.Request.Host}/ui/welcome"));
    }

    /// <summary>The consent request, when the browser's session is its subject's: nobody else may answer it.</summary>
    private static async Task<Result<AuthorizationFlow>> FindOwnAsync(
        string challenge, HttpRequest request, ConsentRequests requests, SessionManager sessions, CancellationToken cancellationToken)
    {
        if (!(await requests.FindAsync(challenge, cancellationToken)).TryGetValue(out var flow, out var error))
        {
            return error;
        }

        var session = await sessions.FetchAsync(request, cancellationToken);
        if (!session.Succeeded || !string.Equals(session.Value.IdentityId.ToString(), flow.Subject, StringComparison.OrdinalIgnoreCase))
        {
            return ErrorCatalog.OAuth2ConsentNotYours;
        }

        return flow.State == FlowState.ConsentInitialized ? flow : FlowErrors.Handled(ChallengeKind.Consent);
    }
}
