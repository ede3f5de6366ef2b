// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.SelfService.Flows.Nodes;
using Tessera.Ui.Messages;
using Tessera.Ui.Texts;

namespace Tessera.Ui.Pages;

/// <summary>
/// A flow's UI container as plain HTML forms, the way Kratos's reference UIs render it but with no script: every
/// node type (input, text, img, a, and the script passkeys need), a label for every visible input, and every message in its text, next to its
/// field or, for the form as a whole, at the top. Nodes of any identity schema render, since only the nodes are read.
/// </summary>
internal sealed class FlowFormRenderer
{
    private const string DefaultGroup = "default";

    private static readonly Dictionary<string, PageText> GroupTitles = new(StringComparer.Ordinal)
    {
        ["profile"] = PageTexts.ProfileGroup,
        ["password"] = PageTexts.PasswordGroup,
        ["totp"] = PageTexts.TotpGroup,
        ["lookup_secret"] = PageTexts.LookupSecretGroup,
        ["code"] = PageTexts.CodeGroup,
        ["link"] = PageTexts.LinkGroup,
        ["webauthn"] = PageTexts.WebAuthnGroup,
        ["passkey"] = PageTexts.PasskeyGroup,
        ["oidc"] = PageTexts.OidcGroup,
    };

    private readonly HtmlMarkup _html = new();
    private readonly string? _language;
    private int _fields;

    private FlowFormRenderer(string? language) => _language = language;

    /// <param name="ui">The flow's form, its texts already in <paramref name="language"/>.</param>
    /// <param name="formPerGroup">
    /// One form per method group (settings: profile, password, TOTP ... each saved on its own), each carrying the
    /// shared <c>default</c> nodes such as the CSRF token; otherwise one form with every node (login, registration).
    /// </param>
    /// <param name="language">The language of the page's own texts (group titles).</param>
    public static HtmlMarkup Render(UiContainer ui, bool formPerGroup, string? language = null)
    {
        var renderer = new FlowFormRenderer(language);
        renderer.Messages(ui.Messages, "form-messages");
        if (!formPerGroup)
        {
            renderer.Form(ui, ui.Nodes);
            return renderer._html;
        }

        var shared = ui.Nodes.Where(n => n.Group == DefaultGroup).ToList();
        foreach (var group in ui.Nodes.Where(n => n.Group != DefaultGroup).GroupBy(n => n.Group))
        {
            renderer._html.Element("h2", GroupTitles.TryGetValue(group.Key, out var title) ? title.In(language) : group.Key, ("id", $"group-{group.Key}"));
            renderer.Form(ui, [.. shared, .. group]);
        }

        return renderer._html;
    }

    private void Form(UiContainer ui, IReadOnlyList<UiNode> nodes)
    {
        _html.Open("form", ("action", ui.Action), ("method", string.Equals(ui.Method, "GET", StringComparison.OrdinalIgnoreCase) ? "get" : "post"));
        foreach (var node in nodes)
        {
            Node(node);
        }

        _html.Close("form");
    }

    private void Node(UiNode node)
    {
        switch (node.Attributes)
        {
            case UiInputAttributes input when input.Type == "hidden":
                // A ceremony that starts with the page (passkey registration) names its webauthn.js trigger; no inline script.
                _html.Open("input", ("type", "hidden"), ("name", input.Name), ("value", ValueText(input.Value) ?? string.Empty),
                    ("data-ory-onload", input.OnloadTrigger));
                Messages(node.Messages, null);
                break;
            case UiInputAttributes input when input.Type == "button" && input.OnclickTrigger is not null:
                _html.Open("button", ("type", "button"), ("name", input.Name), ("value", ValueText(input.Value)), ("data-ory-onclick", input.OnclickTrigger))
                    .Text(node.Meta.Label?.Text ?? input.Name).Close("button");
                Messages(node.Messages, null);
                break;
            case UiScriptAttributes script:
                _html.Open("script", ("src", script.Src), ("integrity", script.Integrity), ("crossorigin", script.Crossorigin),
                    ("referrerpolicy", script.Referrerpolicy), ("id", script.Id)).Close("script");
                break;
            case UiInputAttributes input when input.Type is "submit" or "button":
                // Going back (registration's screen=previous) must not wait for the fields of the step it leaves, nor must
                // asking for a code (login, registration) wait for the password beside it, nor a resend for the code, nor
                // choosing a passkey or a security key, nor signing in with a provider (group oidc).
                _html.Open("button", ("type", "submit"), ("name", input.Name), ("value", ValueText(input.Value)), ("disabled", input.Disabled ? string.Empty : null),
                        ("formnovalidate", SkipsValidation(node, input) ? string.Empty : null))
                    .Text(node.Meta.Label?.Text ?? ValueText(input.Value) ?? input.Name).Close("button");
                Messages(node.Messages, null);
                break;
            case UiInputAttributes input when input.Type == "checkbox":
                Checkbox(node, input);
                break;
            case UiInputAttributes input:
                Input(node, input);
                break;
            case UiTextAttributes text:
                _html.Open("div", ("class", "field"));
                if (node.Meta.Label is { } label)
                {
                    _html.Element("p", label.Text);
                }

                _html.Open("p").Element("code", text.Text.Text, ("id", text.Id)).Close("p");
                Messages(node.Messages, null);
                _html.Close("div");
                break;
            case UiImageAttributes image:
                // QR codes arrive as data: URLs; the page's Content-Security-Policy allows no other images.
                _html.Open("img", ("id", image.Id), ("src", image.Src), ("alt", node.Meta.Label?.Text ?? PageTexts.QrCode.In(_language)),
                    ("width", image.Width.ToString(CultureInfo.InvariantCulture)), ("height", image.Height.ToString(CultureInfo.InvariantCulture)));
                Messages(node.Messages, null);
                break;
            case UiAnchorAttributes anchor:
                _html.Open("p").Open("a", ("id", anchor.Id), ("href", SafeHref(anchor.Href))).Text(anchor.Title.Text).Close("a").Close("p");
                Messages(node.Messages, null);
                break;
        }
    }

    private static bool SkipsValidation(UiNode node, UiInputAttributes input) =>
        input.Name is "screen" or "resend" || node.Meta.Label?.Id is 1010015 or 1040006 || IsPasskeyChoice(input) || node.Group == "oidc";

    private void Input(UiNode node, UiInputAttributes input)
    {
        var id = NextId();
        var messagesId = node.Messages.Count > 0 ? $"{id}-messages" : null;
        _html.Open("div", ("class", "field"))
            .Element("label", node.Meta.Label?.Text ?? input.Name, ("for", id))
            .Open("input",
                ("id", id),
                ("name", input.Name),
                ("type", input.Type),
                // A password is never echoed back into the page, whatever the node says.
                ("value", input.Type == "password" ? null : ValueText(input.Value)),
                ("required", input.Required ? string.Empty : null),
                ("disabled", input.Disabled ? string.Empty : null),
                ("autocomplete", input.Autocomplete),
                ("pattern", input.Pattern),
                ("maxlength", input.Maxlength?.ToString(CultureInfo.InvariantCulture)),
                ("aria-invalid", node.Messages.Any(m => m.Type == "error") ? "true" : null),
                ("aria-describedby", messagesId));
        Messages(node.Messages, messagesId);
        _html.Close("div");
    }

    private void Checkbox(UiNode node, UiInputAttributes input)
    {
        var id = NextId();
        var messagesId = node.Messages.Count > 0 ? $"{id}-messages" : null;
        var isChecked = input.Value is JsonValue value && value.TryGetValue<bool>(out var on) && on;
        _html.Open("div", ("class", "field"))
            .Open("label", ("class", "checkbox"), ("for", id))
            .Open("input", ("id", id), ("name", input.Name), ("type", "checkbox"), ("value", "true"),
                ("checked", isChecked ? string.Empty : null), ("required", input.Required ? string.Empty : null),
                ("disabled", input.Disabled ? string.Empty : null), ("aria-describedby", messagesId))
            .Text(node.Meta.Label?.Text ?? input.Name)
            .Close("label");
        Messages(node.Messages, messagesId);
        _html.Close("div");
    }

    private void Messages(IReadOnlyList<UiText> messages, string? id)
    {
        if (messages.Count == 0)
        {
            return;
        }

        _html.Open("ul", ("class", "messages"), ("id", id));
        foreach (var message in messages)
        {
            _html.Element("li", message.Text,
                ("class", $"message {message.Type}"),
                ("data-message-id", message.Id.ToString(CultureInfo.InvariantCulture)),
                ("role", message.Type == "error" ? "alert" : null));
        }

        _html.Close("ul");
    }

    // Signing up with a passkey leaves the password empty: the browser must not hold the form back for it.
    private static bool IsPasskeyChoice(UiInputAttributes input) => input.Name == "method" && ValueText(input.Value) is "passkey" or "webauthn";

    private string NextId() => $"field-{++_fields}";

    private static string? ValueText(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    // Links come from the server's own nodes; still, only http(s) and relative links are ever made clickable.
    private static string SafeHref(string href) =>
        Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is not ("http" or "https") ? "#" : href;
}
