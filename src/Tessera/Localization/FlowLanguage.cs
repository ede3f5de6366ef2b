// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Nodes;

namespace Tessera.Localization;

/// <summary>
/// A flow's language: chosen when the flow is created (<c>?lang=</c>, else <c>Accept-Language</c>) and kept in its
/// internal context, so every later answer about the flow (its JSON, its page, the e-mails it sends) speaks the
/// language its creator asked for. Message ids and contexts never change, only texts.
/// </summary>
internal static class FlowLanguage
{
    private const string Key = "language";

    public static string? Of(Flow flow) => Languages.Match(flow.InternalContext[Key]?.GetValue<string>());

    /// <summary>The flow with <paramref name="language"/> kept (nothing kept for none).</summary>
    public static Flow With(Flow flow, string? language)
    {
        if (Languages.Match(language) is not { } supported)
        {
            return flow;
        }

        var context = (JsonObject)flow.InternalContext.DeepClone();
        context[Key] = supported;
        return flow with { InternalContext = context };
    }

    /// <summary>A copy of the form with every text (messages, labels, texts, link titles) in <paramref name="language"/>.</summary>
    public static UiContainer Translate(UiContainer ui, string? language) =>
        Languages.Match(language) is null or Languages.English ? ui : new UiContainer
        {
            Action = ui.Action,
            Method = ui.Method,
            Messages = ui.Messages.Select(m => UiTextTranslator.Translate(m, language)).ToList(),
            Nodes = ui.Nodes.Select(node => node with
            {
                Messages = node.Messages.Select(m => UiTextTranslator.Translate(m, language)).ToList(),
                Meta = node.Meta.Label is { } label ? node.Meta with { Label = UiTextTranslator.Translate(label, language) } : node.Meta,
                Attributes = node.Attributes switch
                {
                    UiTextAttributes text => text with { Text = UiTextTranslator.Translate(text.Text, language) },
                    UiAnchorAttributes anchor => anchor with { Title = UiTextTranslator.Translate(anchor.Title, language) },
                    var other => other,
                },
            }).ToList(),
        };
}
