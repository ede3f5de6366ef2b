// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;
using Tessera.Localization;
using Tessera.OAuth2.Authorization.Pages;
using Tessera.Security.Csrf;
using Tessera.SelfService.Flows;
using Tessera.Sessions;
using Tessera.Ui.Messages;
using Tessera.Ui.Texts;

namespace Tessera.Ui.Pages;

/// <summary>
/// The page of one flow kind (<c>/ui/login?flow=</c>, ...), reading the flow in-process the way a Kratos UI reads
/// <c>GET /self-service/&lt;kind&gt;/flows?id=</c>, and reacting as those UIs do: a missing, unknown, expired or
/// other browser's flow restarts at the kind's browser init endpoint; a flow is shown only to its own browser.
/// </summary>
internal static class FlowPage
{
    public static async Task<IResult> ShowAsync(
        FlowKind kind, HttpContext context, FlowPageServices services, SelfServiceLinks links, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var restart = new SeeOtherResult(new Uri(links.Start(kind, query["return_to"], query["refresh"] == "true", query["aal"])));
        var found = await services.Flows.FindAsync(query["flow"], kind, cancellationToken);

        // The built-in UI is a browser: API flows are for apps, which render their own forms.
        if (!found.Succeeded || found.Value.Type != FlowType.Browser)
        {
            return restart;
        }

        var flow = found.Value;
        if (services.CsrfCookie.Read(context.Request) is null)
        {
            // Restarting would set the cookie and come back here; a browser that refuses cookies would loop, so say why.
            return CookiesNeeded(kind, links, RequestLanguage.Of(context.Request));
        }

        var again = new SeeOtherResult(new Uri(links.Start(kind, flow.ReturnTo, flow.Refresh, flow.RequestedAal)));
        if (!services.Flows.BelongsToBrowser(flow, context.Request) || flow.IsExpiredAt(services.Clock.GetUtcNow()))
        {
            return again;
        }

        if (kind == FlowKind.Settings && !await BelongsToSessionAsync(flow, context, services.Sessions, cancellationToken))
        {
            return again;
        }

        var language = FlowLanguage.Of(flow) ?? RequestLanguage.Of(context.Request);
        var page = Render(kind, flow, context.Request, links, language);
        if (kind == FlowKind.Settings && flow.IdentityId is { } identityId)
        {
            page.Add(await context.RequestServices.GetRequiredService<ConnectedAppsSection>().RenderAsync(context, identityId, language, cancellationToken));
        }

        return page.ToResult(StatusCodes.Status200OK);
    }

    private static HtmlPage Render(FlowKind kind, Flow flow, HttpRequest request, SelfServiceLinks links, string? language)
    {
        var (heading, intro) = Heading(kind, flow);
        var title = heading.In(language);
        var page = new HtmlPage(title, language).Heading(title);
        if (kind == FlowKind.Settings)
        {
            page.Wide();
        }

        if (intro is not null && flow.Ui.Messages.All(m => m.Id != intro.Id))
        {
            page.Add(new HtmlMarkup().Element("p", UiTextTranslator.Translate(intro, language).Text, ("class", "message info"), ("data-message-id", intro.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        // Settings and the second factor offer several methods, each submitted on its own: one form per method, so a
        // required field of one (the backup code) does not block submitting another (the TOTP code).
        var formPerGroup = kind == FlowKind.Settings || (kind == FlowKind.Login && flow.RequestedAal is "aal2" or "aal3");
        page.Add(FlowFormRenderer.Render(FlowLanguage.Translate(FlowResponse.MaskedUi(flow), language), formPerGroup, language));
        return page.Add(FlowPageLinks.For(kind, flow, request, links, language));
    }

    private static (PageText Title, UiText? Intro) Heading(FlowKind kind, Flow flow) => kind switch
    {
        FlowKind.Login when flow.RequestedAal is "aal2" or "aal3" => (PageTexts.SecondFactorTitle, UiMessages.InfoSelfServiceLoginMFA.With()),
        FlowKind.Login when flow.Refresh => (PageTexts.ReauthenticationTitle, UiMessages.InfoSelfServiceLoginReAuth.With()),
        FlowKind.Login => (PageTexts.LoginTitle, null),
        FlowKind.Registration => (PageTexts.RegistrationTitle, null),
        FlowKind.Recovery => (PageTexts.RecoveryTitle, null),
        FlowKind.Verification => (PageTexts.VerificationTitle, null),
        _ => (PageTexts.SettingsTitle, null),
    };

    private static async Task<bool> BelongsToSessionAsync(Flow flow, HttpContext context, SessionManager sessions, CancellationToken cancellationToken)
    {
        if (flow.IdentityId is not { } owner)
        {
            return true;
        }

        var session = await sessions.FetchAsync(context.Request, cancellationToken);
        return session.Succeeded && session.Value.IdentityId == owner;
    }

    private static IResult CookiesNeeded(FlowKind kind, SelfServiceLinks links, string? language) =>
        new HtmlPage(PageTexts.CookiesNeededTitle.In(language), language).Heading(PageTexts.CookiesNeededHeading.In(language))
            .Paragraph(PageTexts.CookiesNeededText.In(language))
            .Link(PageTexts.StartAgain.In(language), links.Start(kind))
            .ToResult(StatusCodes.Status403Forbidden);
}
