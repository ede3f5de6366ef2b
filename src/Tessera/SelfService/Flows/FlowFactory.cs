// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;
using Tessera.Localization;
using Tessera.Projects.Overlays;
using Tessera.Security.Csrf;
using Tessera.SelfService.Flows.Nodes;

namespace Tessera.SelfService.Flows;

/// <summary>
/// Creates the part of a flow every kind shares: id, type, lifespan, the form's action, and for browser flows
/// the CSRF token (the browser's CSRF cookie value, also carried as the hidden <c>csrf_token</c> node; empty on API flows).
/// </summary>
internal sealed class FlowFactory(ProjectOptions<SelfServiceOptions> options, PublicUrls urls, CsrfProtection csrf, TimeProvider clock)
{
    public Flow Create(HttpContext context, FlowKind kind, FlowType type, Uri? returnTo, string state)
    {
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var csrfToken = type == FlowType.Browser ? csrf.EnsureToken(context) : string.Empty;
        var ui = new UiContainer { Action = urls.For($"/self-service/{FlowNames.Of(kind)}?flow={id}").AbsoluteUri };
        // Kratos puts the node on API flows too, with an empty value: native apps have no cookie to pair it with.
        ui.Nodes.Add(UiNode.Hidden("default", CsrfProtection.FieldName, csrfToken));

        var request = context.Request;
        var requestUrl = urls.For(request.Path + request.QueryString).AbsoluteUri;
        var flow = new Flow(id, kind, type, state, requestUrl, returnTo?.AbsoluteUri, now, now + options.Value.For(kind).Lifespan, ui, csrfToken);
        return FlowLanguage.With(flow, RequestLanguage.Of(request));
    }

    /// <summary>A new flow that continues an expired one: same kind, type and purpose, new id and lifespan.</summary>
    public Flow Replace(HttpContext context, Flow expired, string state)
    {
        var returnTo = expired.ReturnTo is null ? null : new Uri(expired.ReturnTo);
        var replacement = Create(context, expired.Kind, expired.Type, returnTo, state) with
        {
            Refresh = expired.Refresh,
            RequestedAal = expired.RequestedAal,
            IdentityId = expired.IdentityId,
            Identity = expired.Identity,
        };

        // The replacement speaks the language the expired flow was created in.
        return FlowLanguage.With(replacement, FlowLanguage.Of(expired));
    }
}
