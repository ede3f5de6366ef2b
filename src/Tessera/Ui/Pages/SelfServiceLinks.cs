// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;
using Tessera.Projects.Overlays;
using Tessera.SelfService.Flows;

namespace Tessera.Ui.Pages;

/// <summary>
/// The addresses the built-in pages link to: a flow's browser init endpoint (which sends the browser on to the
/// configured UI), and the browser's logout URL. A flow kind is linked only when it is enabled and its endpoints
/// are served, so a page never offers a link that answers 404. The options are the request's project's (its overlay
/// may turn a flow off or rename the session cookie), read per request.
/// </summary>
internal sealed record SelfServiceLinks(
    PublicUrls Urls, ProjectOptions<SelfServiceOptions> ProjectSelfService, EndpointDataSource Endpoints,
    ProjectOptions<Tessera.Sessions.SessionOptions> ProjectSessions)
{
    // Handlers take this record [AsParameters]: its parameter names must not repeat a handler's (hence the prefix).
    public Tessera.Sessions.SessionOptions SessionSettings => ProjectSessions.Value;

    /// <summary><c>/self-service/&lt;kind&gt;/browser</c> with the query a UI passes along (return_to, refresh, aal).</summary>
    public string Start(FlowKind kind, string? returnTo = null, bool refresh = false, string? aal = null)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(returnTo))
        {
            query.Add("return_to=" + Uri.EscapeDataString(returnTo));
        }

        if (kind == FlowKind.Login && refresh)
        {
            query.Add("refresh=true");
        }

        if (kind == FlowKind.Login && aal is not (null or "" or "aal1"))
        {
            query.Add("aal=" + Uri.EscapeDataString(aal));
        }

        var path = $"/self-service/{FlowNames.Of(kind)}/browser" + (query.Count == 0 ? string.Empty : "?" + string.Join('&', query));
        return Urls.For(path).AbsoluteUri;
    }

    public bool IsServed(FlowKind kind) =>
        ProjectSelfService.Value.For(kind).Enabled && Endpoints.Endpoints.OfType<RouteEndpoint>()
            .Any(e => e.RoutePattern.RawText == $"/self-service/{FlowNames.Of(kind)}/browser");

    /// <summary>The browser's logout URL (as <c>/self-service/logout/browser</c> would give it), or null without a session cookie.</summary>
    public string? Logout(HttpRequest request) =>
        request.Cookies.TryGetValue(SessionSettings.CookieName, out var token) && Tessera.Sessions.SessionToken.IsPlausible(token)
            ? Urls.For($"/self-service/logout?token={Uri.EscapeDataString(Tessera.Sessions.SessionToken.LogoutTokenFor(token))}").AbsoluteUri
            : null;

    public string Page(string path) => Urls.For(path).AbsoluteUri;
}
