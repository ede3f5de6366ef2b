// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.Projects.Overlays;
using Tessera.Sessions;

namespace Tessera.SelfService.Flows.Settings;

/// <summary>
/// Who may use a settings flow: a session (401 <c>session_inactive</c>; HTML browsers are sent to log in and come
/// back), of the flow's identity (403 <c>security_identity_mismatch</c>), at the assurance level
/// <c>selfservice.flows.settings.required_aal</c> asks (403 <c>session_aal2_required</c>, seed row A4); and for
/// credential changes a privileged session (403 <c>session_refresh_required</c>, seed row A3).
/// </summary>
internal sealed class SettingsAccess(
    SessionManager sessions, IdentityStore identities, ProjectOptions<SettingsOptions> options, ProjectOptions<SelfServiceOptions> selfService, PublicUrls urls, TimeProvider clock)
{
    public bool Enabled => selfService.Value.For(FlowKind.Settings).Enabled;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// The session and its identity, or the answer refusing the request. <paramref name="comeBackTo"/> is where a
    /// login started because of the refusal returns: the flow's UI, or (null) the settings request itself.
    /// </summary>
    public async Task<(Session? Session, Identity? Identity, IResult? Refusal)> AuthorizeAsync(
        HttpContext context, FlowType type, Flow? flow, Uri? comeBackTo, CancellationToken cancellationToken)
    {
        comeBackTo ??= urls.For(context.Request.Path + context.Request.QueryString);
        var found = await sessions.FetchAsync(context.Request, cancellationToken);
        var identity = found.Succeeded ? await identities.GetAsync(found.Value.IdentityId, cancellationToken) : null;
        if (!found.Succeeded || identity is null)
        {
            // Kratos: a browser navigating to settings without a session logs in first and comes back here.
            return (null, null, IsNavigation(context, type) && flow is null
                ? new SeeOtherResult(LoginUrl(("return_to", comeBackTo.AbsoluteUri)))
                : new ErrorResult(ErrorCatalog.SessionInactive));
        }

        if (flow is not null && flow.IdentityId != identity.Id)
        {
            return (null, null, new ErrorResult(ErrorCatalog.SecurityIdentityMismatch));
        }

        if (!AssuranceLevels.Satisfies(found.Value, identity, options.Value.RequiredAal))
        {
            var target = LoginUrl(("aal", AssuranceLevels.Aal2), ("return_to", comeBackTo.AbsoluteUri));
            return (null, null, Redirect(context, type, new TesseraError(ErrorCatalog.SessionAal2Required) { RedirectBrowserTo = target.AbsoluteUri }, target));
        }

        return (found.Value, identity, null);
    }

    /// <summary>Whether the session was authenticated within <c>privileged_session_max_age</c>.</summary>
    public bool IsPrivileged(Session session) => clock.GetUtcNow() - session.AuthenticatedAt <= options.Value.PrivilegedSessionMaxAge;

    /// <summary>
    /// A re-authentication is needed: a login flow with <c>refresh=true</c> that returns to this settings flow's UI.
    /// API clients and scripts get 403 with <c>redirect_browser_to</c>; HTML browsers are sent there.
    /// </summary>
    public IResult RefreshRequired(HttpContext context, Flow flow, Uri flowUi)
    {
        var target = LoginUrl(("refresh", "true"), ("return_to", flowUi.AbsoluteUri));
        return Redirect(context, flow.Type, new TesseraError(ErrorCatalog.SessionRefreshRequired) { RedirectBrowserTo = target.AbsoluteUri }, target);
    }

    private static IResult Redirect(HttpContext context, FlowType type, TesseraError error, Uri target) =>
        IsNavigation(context, type) ? new SeeOtherResult(target) : new ErrorResult(error);

    private static bool IsNavigation(HttpContext context, FlowType type) => type == FlowType.Browser && !FlowClient.WantsJson(context.Request);

    private Uri LoginUrl(params (string Name, string? Value)[] query) =>
        urls.For("/self-service/login/browser?" + string.Join('&', query.Where(q => q.Value is not null)
            .Select(q => q.Name + "=" + Uri.EscapeDataString(q.Value!))));
}
