// SPDX-License-Identifier: Apache-2.0
using Tessera.Identities;
using Tessera.Sessions;
using Tessera.Ui;
using Tessera.Ui.Texts;

namespace Tessera.OperatorConsole;

/// <summary>
/// The identities section's HTML: the search form with its results, and one identity (traits, state, addresses,
/// credentials as types and identifiers only: a credential's config holds hashes and secrets and is never shown).
/// </summary>
internal static class ConsoleIdentityPages
{
    public static HtmlMarkup SearchForm(ConsolePage page, string? identifier, string? trait) =>
        new HtmlMarkup().Open("form", ("method", "get"), ("action", ConsoleSection.Identities.Path), ("class", "search"), ("role", "search"))
            .Open("div").Element("label", page.T(PageTexts.ConsoleIdentifier), ("for", "identifier"))
            .Open("input", ("id", "identifier"), ("name", "identifier"), ("type", "search"), ("value", identifier ?? string.Empty)).Close("div")
            .Open("div").Element("label", page.T(PageTexts.ConsoleTrait), ("for", "trait"))
            .Open("input", ("id", "trait"), ("name", "trait"), ("type", "search"), ("value", trait ?? string.Empty)).Close("div")
            .Append(page.ProjectField())
            .Element("button", page.T(PageTexts.ConsoleSearch), ("type", "submit"))
            .Close("form");

    public static HtmlMarkup Results(ConsolePage page, IdentityPage found, string? nextLink)
    {
        var table = new HtmlMarkup();
        if (found.Items.Count == 0)
        {
            return table.Element("p", page.T(PageTexts.ConsoleNoResults));
        }

        table.Open("table", ("class", "identities")).Open("thead").Open("tr")
            .Element("th", page.T(PageTexts.ConsoleId), ("scope", "col"))
            .Element("th", page.T(PageTexts.ConsoleIdentifiers), ("scope", "col"))
            .Element("th", page.T(PageTexts.ConsoleState), ("scope", "col"))
            .Element("th", page.T(PageTexts.ConsoleCreatedAt), ("scope", "col"))
            .Close("tr").Close("thead").Open("tbody");
        foreach (var identity in found.Items)
        {
            table.Open("tr", ("data-identity-id", identity.Id.ToString()))
                .Open("td").Open("a", ("href", page.Link($"{ConsoleSection.Identities.Path}/{identity.Id}"))).Text(identity.Id.ToString()).Close("a").Close("td")
                .Element("td", string.Join(", ", Identifiers(identity)))
                .Element("td", identity.State)
                .Element("td", ConsolePage.Time(identity.CreatedAt))
                .Close("tr");
        }

        table.Close("tbody").Close("table");
        if (nextLink is not null)
        {
            table.Open("p").Open("a", ("href", nextLink), ("rel", "next")).Text(page.T(PageTexts.ConsoleNext)).Close("a").Close("p");
        }

        return table;
    }

    public static void Identity(ConsolePage page, Identity identity, IReadOnlyList<Session> sessions, DateTimeOffset now)
    {
        var self = $"{ConsoleSection.Identities.Path}/{identity.Id}";
        page.Add(new HtmlMarkup().Open("dl")
            .Element("dt", page.T(PageTexts.ConsoleId)).Open("dd").Element("code", identity.Id.ToString()).Close("dd")
            .Element("dt", page.T(PageTexts.ConsoleState)).Element("dd", identity.State, ("data-state", identity.State))
            .Element("dt", page.T(PageTexts.ConsoleSchema)).Element("dd", identity.SchemaId)
            .Element("dt", page.T(PageTexts.ConsoleCreatedAt)).Element("dd", ConsolePage.Time(identity.CreatedAt))
            .Element("dt", page.T(PageTexts.ConsoleUpdatedAt)).Element("dd", ConsolePage.Time(identity.UpdatedAt))
            .Close("dl"));

        var actions = new HtmlMarkup().Open("p", ("class", "actions"));
        actions.Append(identity.IsActive
            ? page.Form($"{self}/disable", page.T(PageTexts.ConsoleDisable), "danger")
            : page.Form($"{self}/enable", page.T(PageTexts.ConsoleEnable)));
        actions.Append(page.Form($"{self}/recovery-code", page.T(PageTexts.ConsoleSendRecovery), "secondary"));
        actions.Append(page.Form($"{self}/delete", page.T(PageTexts.ConsoleDelete), "danger"));
        page.Add(actions.Close("p"));

        page.Heading(page.T(PageTexts.ConsoleTraits));
        page.Add(new HtmlMarkup().Element("pre", identity.Traits.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true })));

        page.Heading(page.T(PageTexts.ConsoleAddresses));
        var addresses = new HtmlMarkup().Open("table").Open("thead").Open("tr")
            .Element("th", page.T(PageTexts.ConsoleIdentifier), ("scope", "col"))
            .Element("th", page.T(PageTexts.ConsoleCredentialType), ("scope", "col"))
            .Element("th", page.T(PageTexts.ConsoleVerified), ("scope", "col"))
            .Close("tr").Close("thead").Open("tbody");
        foreach (var address in identity.VerifiableAddresses)
        {
            addresses.Open("tr").Element("td", address.Value).Element("td", $"{address.Via} (verification)").Element("td", address.Verified ? "✓" : address.Status).Close("tr");
        }

        foreach (var address in identity.RecoveryAddresses)
        {
            addresses.Open("tr").Element("td", address.Value).Element("td", $"{address.Via} (recovery)").Element("td", "-").Close("tr");
        }

        page.Add(addresses.Close("tbody").Close("table"));

        page.Heading(page.T(PageTexts.ConsoleCredentials));
        var credentials = new HtmlMarkup().Open("table", ("class", "credentials")).Open("thead").Open("tr")
            .Element("th", page.T(PageTexts.ConsoleCredentialType), ("scope", "col"))
            .Element("th", page.T(PageTexts.ConsoleIdentifiers), ("scope", "col"))
            .Element("th", page.T(PageTexts.ConsoleCreatedAt), ("scope", "col"))
            .Close("tr").Close("thead").Open("tbody");
        foreach (var credential in identity.Credentials.Values.OrderBy(c => c.Type, StringComparer.Ordinal))
        {
            // Never the config: it holds the password hash, TOTP secret, backup codes and keys.
            credentials.Open("tr").Element("td", credential.Type).Element("td", string.Join(", ", credential.Identifiers))
                .Element("td", ConsolePage.Time(credential.CreatedAt)).Close("tr");
        }

        page.Add(credentials.Close("tbody").Close("table"));

        page.Heading(page.T(PageTexts.ConsoleSessions));
        page.Add(ConsoleSessionTable.Render(page, sessions, now, self));
    }

    private static IEnumerable<string> Identifiers(Identity identity) =>
        identity.Credentials.Values.SelectMany(c => c.Identifiers).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
}
