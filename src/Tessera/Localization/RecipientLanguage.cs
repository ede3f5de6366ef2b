// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.Identities;
using Tessera.SelfService.Flows;

namespace Tessera.Localization;

/// <summary>
/// The language of a message sent about a flow: the identity's own choice when it has one (<c>metadata_public.locale</c>,
/// else a <c>locale</c> trait, as an identity schema may define it), else the flow's (<c>?lang=</c> or
/// <c>Accept-Language</c> when it was created). Null means English.
/// </summary>
internal static class RecipientLanguage
{
    private const string LocaleKey = "locale";

    public static string? For(Flow flow, Identity? identity = null) =>
        Of(identity) ?? FlowLanguage.Of(flow);

    public static string? Of(Identity? identity) =>
        identity is null ? null : Languages.Match(Text(identity.MetadataPublic)) ?? Languages.Match(Text(identity.Traits));

    private static string? Text(JsonNode? owner) =>
        owner is JsonObject obj && obj[LocaleKey] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
