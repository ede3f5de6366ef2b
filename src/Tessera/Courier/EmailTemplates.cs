// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;
using HandlebarsDotNet;
using Tessera.Configuration;
using Tessera.Localization;
using Tessera.Projects.Overlays;

namespace Tessera.Courier;

/// <summary>
/// Renders a message's subject, HTML body and plain-text body. Each file comes from the project's
/// <c>courier.templates</c> (<see cref="CourierTemplateOverrides"/>) when set there, else from
/// <c>courier.template_override_path/&lt;type&gt;/&lt;valid|invalid&gt;/</c> when it exists there, else from the built-in
/// templates (embedded, same layout). A text message has one file, <c>sms.body.gotmpl</c>. The files keep Kratos's <c>.gotmpl</c> names but are Handlebars templates.
/// A message in another language than English looks in <c>&lt;language&gt;/</c> first (<c>de/recovery_code/valid/</c>), in
/// the operator's folder and then among the built-in translations; an operator's file of the base layout beats a
/// built-in translation (the operator's wording is theirs to translate).
/// </summary>
internal sealed class EmailTemplates
{
    internal const string Subject = "email.subject.gotmpl";
    internal const string HtmlBody = "email.body.gotmpl";
    internal const string PlaintextBody = "email.body.plaintext.gotmpl";
    internal const string SmsBody = "sms.body.gotmpl";

    // The HTML body escapes values; subject and plain text must not (an "&" in a name is not "&amp;" there).
    private static readonly IHandlebars Html = Handlebars.Create();
    private static readonly IHandlebars Text = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });

    private readonly string? _overridePath;
    private readonly ProjectOptions<CourierTemplateOverrides> _configured;
    private readonly ConcurrentDictionary<string, HandlebarsTemplate<object, object>> _compiled = new(StringComparer.Ordinal);

    /// <param name="options">The courier's options (<c>template_override_path</c>).</param>
    /// <param name="configured">The projects' <c>courier.templates</c>; none when null (the CLI, unit tests).</param>
    public EmailTemplates(CourierOptions options, ProjectOptions<CourierTemplateOverrides>? configured = null)
    {
        _overridePath = options.TemplateOverridePath;
        _configured = configured ?? ProjectOptions<CourierTemplateOverrides>.Fixed(CourierTemplateOverrides.None);
        if (_overridePath is not null)
        {
            // Compile the operator's files now, so a broken one stops start-up instead of every later e-mail.
            foreach (var type in CourierTemplateType.All)
            {
                foreach (var file in (string[])[Subject, HtmlBody, PlaintextBody, SmsBody])
                {
                    if (File.Exists(OverrideFile(type, file)))
                    {
                        Template(type, file, null);
                    }
                }
            }
        }
    }

    /// <param name="language">A supported language (<c>de</c>), or null for English.</param>
    public RenderedEmail Render(CourierTemplateType type, EmailTemplateData data, string? language = null)
    {
        // A subject is one header line: line breaks in the template (or a trailing newline) would end it early.
        var subject = string.Join(' ', Template(type, Subject, language)(data.Values)
            .Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return new RenderedEmail(subject, Template(type, HtmlBody, language)(data.Values), Template(type, PlaintextBody, language)(data.Values));
    }

    /// <summary>A text message's body (not escaped; surrounding white space trimmed).</summary>
    public string RenderSms(CourierTemplateType type, EmailTemplateData data, string? language = null) =>
        Template(type, SmsBody, language)(data.Values).Trim();

    /// <summary>Whether the built-in templates include <paramref name="file"/> of <paramref name="type"/> in <paramref name="language"/>.</summary>
    public static bool HasBuiltIn(CourierTemplateType type, string file, string? language) =>
        typeof(EmailTemplates).Assembly.GetManifestResourceInfo(ResourceName(type, file, language)) is not null;

    /// <summary>Compiles <paramref name="source"/> as <paramref name="file"/> (HTML bodies escape values); a broken one names <paramref name="key"/>.</summary>
    internal static HandlebarsTemplate<object, object> Compile(string file, string source, string key)
    {
        try
        {
            return (file == HtmlBody ? Html : Text).Compile(source);
        }
        catch (HandlebarsException e)
        {
            throw new ConfigurationException(key, $"is not a valid Handlebars template (Tessera does not read Go templates): {e.Message}");
        }
    }

    // The project's courier.templates first (in every language: Kratos's are not per language), then the files.
    private HandlebarsTemplate<object, object> Template(CourierTemplateType type, string file, string? language)
    {
        if (_configured.Value.Find(type, file) is { } configured)
        {
            return configured;
        }

        var translated = Languages.Match(language) is { } match && match != Languages.English ? match : null;
        return _compiled.GetOrAdd($"{translated}/{type.Folder}/{file}", _ => Compile(type, file, translated));
    }

    private HandlebarsTemplate<object, object> Compile(CourierTemplateType type, string file, string? language)
    {
        var engine = file == HtmlBody ? Html : Text;
        var translatedOverride = language is null || _overridePath is null ? null : Path.Combine(_overridePath, language, type.Folder, file);
        var path = translatedOverride is not null && File.Exists(translatedOverride) ? translatedOverride : OverrideFile(type, file);
        if (path is not null && File.Exists(path))
        {
            return Compile(file, File.ReadAllText(path), $"courier.template_override_path ({Path.GetRelativePath(_overridePath!, path)})");
        }

        var resource = language is not null && HasBuiltIn(type, file, language) ? ResourceName(type, file, language) : ResourceName(type, file, null);
        using var stream = typeof(EmailTemplates).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The built-in template {type.Folder}/{file} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return engine.Compile(reader.ReadToEnd());
    }

    private static string ResourceName(CourierTemplateType type, string file, string? language) =>
        language is null or Languages.English ? $"courier-templates/{type.Folder}/{file}" : $"courier-templates/{language}/{type.Folder}/{file}";

    private string? OverrideFile(CourierTemplateType type, string file) =>
        _overridePath is null ? null : Path.Combine(_overridePath, type.Folder, file);
}
