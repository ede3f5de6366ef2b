// SPDX-License-Identifier: Apache-2.0
using HandlebarsDotNet;
using Tessera.Configuration;
using Tessera.SelfService.Hooks;

namespace Tessera.Courier;

/// <summary>
/// Kratos's <c>courier.templates.&lt;type&gt;.&lt;valid|invalid&gt;.email.{subject,body.html,body.plaintext}</c> and
/// <c>.sms.body.plaintext</c>: a message's templates given in the configuration, per project (an overlay may set them;
/// read through <c>ProjectOptions&lt;CourierTemplateOverrides&gt;</c> when the message is rendered, inside the request).
/// A value is <c>base64://...</c>, <c>file://...</c> (the file's configuration only: an overlay takes base64:// or inline
/// text, see <see cref="TemplateLocation"/>) or the template itself. Compiled when bound, so a broken template stops the
/// start or is refused by <c>PATCH /admin/projects/{id}/config</c> naming its key. What is not set here falls back to
/// <c>courier.template_override_path</c> and the built-in templates (<see cref="EmailTemplates"/>).
/// </summary>
internal sealed class CourierTemplateOverrides
{
    private const string Prefix = "courier.templates";

    // Each template file of a message and the key below courier.templates.<type>.<valid|invalid> that gives it.
    private static readonly (string File, string Key)[] Files =
    [
        (EmailTemplates.Subject, "email.subject"), (EmailTemplates.HtmlBody, "email.body.html"),
        (EmailTemplates.PlaintextBody, "email.body.plaintext"), (EmailTemplates.SmsBody, "sms.body.plaintext"),
    ];

    private readonly Dictionary<string, HandlebarsTemplate<object, object>> _templates;

    private CourierTemplateOverrides(Dictionary<string, HandlebarsTemplate<object, object>> templates) => _templates = templates;

    /// <summary>No configured templates: every message uses the override path or the built-ins.</summary>
    public static CourierTemplateOverrides None { get; } = new([]);

    /// <summary>The configured template for <paramref name="file"/> of <paramref name="type"/>, if any.</summary>
    public HandlebarsTemplate<object, object>? Find(CourierTemplateType type, string file) => _templates.GetValueOrDefault($"{type.Folder}/{file}");

    public static CourierTemplateOverrides Bind(ConfigurationTree config)
    {
        var templates = new Dictionary<string, HandlebarsTemplate<object, object>>(StringComparer.Ordinal);
        foreach (var type in CourierTemplateType.All)
        {
            foreach (var (file, name) in Files)
            {
                var key = $"{Prefix}.{type.Folder.Replace('/', '.')}.{name}";
                if (config.GetString(key) is { } value)
                {
                    templates[$"{type.Folder}/{file}"] = EmailTemplates.Compile(file, Source(config, key, value), key);
                }
            }
        }

        return new CourierTemplateOverrides(templates);
    }

    private static string Source(ConfigurationTree config, string key, string value)
    {
        if (value.StartsWith("http://", StringComparison.Ordinal) || value.StartsWith("https://", StringComparison.Ordinal))
        {
            throw new ConfigurationException(key, "templates are read from base64://, file:// or given inline (no fetch)");
        }

        if (value.StartsWith("file://", StringComparison.Ordinal) && config.SetByOverlay(key))
        {
            TemplateLocation.Inline(value, key);
        }

        return value.StartsWith(TemplateLocation.Base64Scheme, StringComparison.Ordinal) || value.StartsWith("file://", StringComparison.Ordinal)
            ? WebHookBodyTemplate.Read(value, key)
            : value;
    }
}
