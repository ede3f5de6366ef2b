// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.Localization;
using Tessera.SelfService.Flows;
using Tessera.Sessions;
using Tessera.Ui.Texts;

namespace Tessera.Ui.Pages;

/// <summary>
/// <c>/ui/welcome</c>, the default return URL after sign-in: who is signed in (the session and its identity's
/// traits) and the way out (the browser's logout URL). Without a session it offers sign-in and registration.
/// A session that whoami would refuse for its assurance level (<c>session.whoami.required_aal</c>: an identity with
/// a second factor signed in with the first only) is sent to the aal2 login, as Kratos's reference UIs do on
/// <c>session_aal2_required</c>, and comes back here.
/// </summary>
internal static class WelcomePage
{
    public static async Task<IResult> ShowAsync(
        HttpContext context, SessionManager sessions, IdentityStore identities, [AsParameters] SelfServiceLinks links, CancellationToken cancellationToken)
    {
        var session = await sessions.FetchAsync(context.Request, cancellationToken);
        var identity = session.Succeeded ? await identities.GetAsync(session.Value.IdentityId, cancellationToken) : null;
        var language = RequestLanguage.Of(context.Request);
        if (identity is null)
        {
            var anonymous = new HtmlPage(PageTexts.Welcome.In(language), language).Heading(PageTexts.Welcome.In(language)).Paragraph(PageTexts.NotSignedIn.In(language));
            var nav = new HtmlMarkup().Open("nav", ("class", "links"));
            Anchor(nav, PageTexts.SignIn.In(language), links.Start(FlowKind.Login), "login");
            if (links.IsServed(FlowKind.Registration))
            {
                Anchor(nav, PageTexts.CreateAccount.In(language), links.Start(FlowKind.Registration), "registration");
            }

            return anonymous.Add(nav.Close("nav")).ToResult(StatusCodes.Status200OK);
        }

        var current = session.Value;
        if (!AssuranceLevels.Satisfies(current, identity, links.SessionSettings.WhoamiRequiredAal))
        {
            return new SeeOtherResult(new Uri(links.Start(FlowKind.Login, links.Page("/ui/welcome"), aal: AssuranceLevels.Aal2)));
        }

        var details = new HtmlMarkup().Open("dl", ("id", "session"));
        foreach (var (path, value) in Traits(identity.Traits, null).Where(t => t.Value.Length > 0))
        {
            Entry(details, path, value);
        }

        Entry(details, PageTexts.IdentityTerm.In(language), identity.Id.ToString());
        Entry(details, PageTexts.SignedInWith.In(language), string.Join(", ", current.AuthenticationMethods.Select(m => m.Method).Distinct()));
        Entry(details, PageTexts.AssuranceLevel.In(language), current.Aal);
        Entry(details, PageTexts.SignedInAt.In(language), Instant(current.AuthenticatedAt));
        Entry(details, PageTexts.SessionExpires.In(language), Instant(current.ExpiresAt));
        details.Close("dl");

        var actions = new HtmlMarkup().Open("nav", ("class", "links"));
        if (identity.VerifiableAddresses.Any(a => !a.Verified) && links.IsServed(FlowKind.Verification))
        {
            Anchor(actions, PageTexts.VerifyAddress.In(language), links.Start(FlowKind.Verification, links.Page("/ui/welcome")), "verification");
        }

        if (links.IsServed(FlowKind.Settings))
        {
            Anchor(actions, PageTexts.AccountSettings.In(language), links.Start(FlowKind.Settings), "settings");
        }

        if (links.Logout(context.Request) is { } logout)
        {
            Anchor(actions, PageTexts.SignOut.In(language), logout, "logout");
        }

        return new HtmlPage(PageTexts.Welcome.In(language), language).Heading(PageTexts.Welcome.In(language)).Paragraph(PageTexts.SignedIn.In(language))
            .Add(details).Add(actions.Close("nav"))
            .ToResult(StatusCodes.Status200OK);
    }

    /// <summary>Every trait as <c>name.first: value</c>, nested objects flattened, whatever the identity schema.</summary>
    private static IEnumerable<(string Path, string Value)> Traits(JsonNode? node, string? path) => node switch
    {
        JsonObject obj => obj.SelectMany(member => Traits(member.Value, path is null ? member.Key : $"{path}.{member.Key}")),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [(path ?? "traits", value.GetValue<string>())],
        null => [],
        _ => [(path ?? "traits", node.ToJsonString())],
    };

    private static void Entry(HtmlMarkup html, string term, string value) => html.Element("dt", term).Element("dd", value);

    private static string Instant(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static void Anchor(HtmlMarkup html, string text, string href, string id) =>
        html.Open("p").Open("a", ("href", href), ("id", $"link-{id}")).Text(text).Close("a").Close("p");
}
