// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Ui.Messages;

/// <summary>
/// One entry of the UI message catalog: Kratos's numeric id and meaning, with a text template whose
/// <c>{name}</c> or <c>{name:format}</c> placeholders are filled from the message context
/// (e.g. <c>{expired_at_unix_since_minutes:0.00}</c>), so the text is produced from the context, not stored.
/// </summary>
internal sealed record UiMessage(int Id, UiMessageType Type, string Template)
{
    /// <summary>The message as a flow carries it, rendered for this occurrence.</summary>
    public UiText With(IReadOnlyDictionary<string, object?>? context = null) =>
        new(Id, Render(context), Type.ToString().ToLowerInvariant(), context ?? new Dictionary<string, object?>());

    /// <summary>
    /// For the "flow expired N minutes ago" messages: the context carries Kratos's keys (<c>expired_at</c>,
    /// <c>expired_at_unix</c>) and the text is rendered from the minutes elapsed between then and <paramref name="now"/>.
    /// </summary>
    public UiText WithExpiry(DateTimeOffset expiredAt, DateTimeOffset now) => WithInstant("expired_at", expiredAt, now);

    /// <summary>
    /// A message about an instant: the context carries <c>{key}</c> and <c>{key}_unix</c> as Kratos's do; the template
    /// may use the derived <c>{key}_unix_since_minutes</c> or <c>{key}_unix_until_minutes</c>, computed from
    /// <paramref name="now"/> for the text only.
    /// </summary>
    public UiText WithInstant(string key, DateTimeOffset instant, DateTimeOffset now, IReadOnlyDictionary<string, object?>? extra = null)
    {
        var context = new Dictionary<string, object?>(extra ?? new Dictionary<string, object?>())
        {
            [key] = instant,
            [$"{key}_unix"] = instant.ToUnixTimeSeconds(),
        };
        var rendering = new Dictionary<string, object?>(context)
        {
            [$"{key}_unix_since_minutes"] = Math.Max(0, (now - instant).TotalMinutes),
            [$"{key}_unix_until_minutes"] = Math.Max(0, (instant - now).TotalMinutes),
        };
        return new UiText(Id, Render(rendering), Type.ToString().ToLowerInvariant(), context);
    }

    public string Render(IReadOnlyDictionary<string, object?>? context) => TextTemplate.Render(Template, context);
}
