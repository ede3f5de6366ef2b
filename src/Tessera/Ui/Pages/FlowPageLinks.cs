// SPDX-License-Identifier: Apache-2.0
using Tessera.SelfService.Flows;
using Tessera.Ui.Texts;

namespace Tessera.Ui.Pages;

/// <summary>
/// The links under a flow's form: between sign-in, registration and recovery (carrying the flow's return_to on),
/// and signing out where a session exists (re-authentication, second factor, settings).
/// </summary>
internal static class FlowPageLinks
{
    public static HtmlMarkup For(FlowKind kind, Flow flow, HttpRequest request, SelfServiceLinks links, string? language)
    {
        var html = new HtmlMarkup().Open("nav", ("class", "links"), ("aria-label", PageTexts.OtherOptions.In(language)));
        var signedIn = kind == FlowKind.Settings || (kind == FlowKind.Login && (flow.Refresh || flow.RequestedAal is not "aal1"));
        switch (kind)
        {
            case FlowKind.Login when !signedIn:
                Link(html, links, FlowKind.Registration, PageTexts.CreateAccountLink.In(language), flow.ReturnTo);
                Link(html, links, FlowKind.Recovery, PageTexts.RecoverAccountLink.In(language), flow.ReturnTo);
                break;
            case FlowKind.Registration:
                Link(html, links, FlowKind.Login, PageTexts.SignInLink.In(language), flow.ReturnTo);
                break;
            // Verifying right after registration (or from the welcome page) happens signed in: no way back to sign-in.
            case FlowKind.Verification when links.Logout(request) is not null:
                Anchor(html, PageTexts.BackToAccount.In(language), links.Page("/ui/welcome"));
                break;
            case FlowKind.Recovery or FlowKind.Verification:
                Link(html, links, FlowKind.Login, PageTexts.BackToSignIn.In(language), flow.ReturnTo);
                break;
            case FlowKind.Settings:
                Anchor(html, PageTexts.BackToAccount.In(language), links.Page("/ui/welcome"));
                break;
        }

        if (signedIn && links.Logout(request) is { } logout)
        {
            Anchor(html, PageTexts.SignOut.In(language), logout, "logout");
        }

        return html.Close("nav");
    }

    private static void Link(HtmlMarkup html, SelfServiceLinks links, FlowKind kind, string text, string? returnTo)
    {
        if (links.IsServed(kind))
        {
            Anchor(html, text, links.Start(kind, returnTo), FlowNames.Of(kind));
        }
    }

    private static void Anchor(HtmlMarkup html, string text, string href, string? id = null) =>
        html.Open("p").Open("a", ("href", href), ("id", id is null ? null : $"link-{id}")).Text(text).Close("a").Close("p");
}
