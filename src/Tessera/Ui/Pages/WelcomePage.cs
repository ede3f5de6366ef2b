// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.SelfService.Flows;
using Tessera.Sessions;

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
        if (identity is null)
        {
            var anonymous = new HtmlPage("Welcome").Heading("Welcome").Paragraph("You are not signed in.");
            var nav = new HtmlMarkup().Open("nav", ("class", "links"));
            Anchor(nav, "Sign in", links.Start(FlowKind.Login), "login");
            if (links.IsServed(FlowKind.Registration))
            {
                Anchor(nav, "Create an account", links.Start(FlowKind.Registration), "registration");
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

        Entry(details, "Identity", identity.Id.ToString());
        Entry(details, "Signed in with", string.Join(", ", current.AuthenticationMethods.Select(m => m.Method).Distinct()));
        Entry(details, "Assurance level", current.Aal);
        Entry(details, "Signed in at", Instant(current.AuthenticatedAt));
        Entry(details, "Session expires", Instant(current.ExpiresAt));
        details.Close("dl");

        var actions = new HtmlMarkup().Open("nav", ("class", "links"));
        if (identity.VerifiableAddresses.Any(a => !a.Verified) && links.IsServed(FlowKind.Verification))
        {
            Anchor(actions, "Verify your email address", links.Start(FlowKind.Verification, links.Page("/ui/welcome")), "verification");
        }

        if (links.IsServed(FlowKind.Settings))
        {
            Anchor(actions, "Account settings", links.Start(FlowKind.Settings), "settings");
        }

        if (links.Logout(context.Request) is { } logout)
        {
            Anchor(actions, "Sign out", logout, "logout");
        }

        return new HtmlPage("Welcome").Heading("Welcome").Paragraph("You are signed in.")
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
