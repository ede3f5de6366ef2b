// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HandlebarsDotNet;
using Tessera.Configuration;

namespace Tessera.SelfService.Hooks;

/// <summary>
/// <c>config.body</c>: where Kratos takes a Jsonnet file, Tessera takes a Handlebars template over the payload
/// (<c>flow</c>, <c>identity</c>, <c>request_url</c>, <c>request_method</c>, <c>request_headers</c>, <c>hook</c>),
/// from <c>base64://...</c>, <c>file:///abs/path</c>, <c>file://./relative</c> or (deprecated, as Kratos) a bare
/// path. Every <c>{{path}}</c> is written escaped as the inside of a JSON string (<see cref="JsonStringEncoder"/>),
/// so <c>{"email": "{{identity.traits.email}}"}</c> is safe whatever the trait holds; <c>{{json path}}</c> writes a
/// value as JSON (strings quoted, objects and numbers as they are, a missing value as <c>null</c>), the form for
/// anything that is not a string. Unescaped output (<c>{{{path}}}</c>, <c>{{&amp;path}}</c>) is refused: it would let
/// a value write JSON of its own (keep a space between a brace and a mustache: <c>{ {{json x}} }</c>).
/// Loaded, compiled and rendered once with a sample payload (<see cref="WebHookSamplePayload"/>, or the caller's) at
/// start-up: a template that cannot be read, is Jsonnet, does not compile, or does not render valid JSON stops the
/// server with its key. The courier's HTTP channels use the same templates over their own payload.
/// </summary>
internal sealed class WebHookBodyTemplate
{
    private static readonly IHandlebars Engine = CreateEngine();
    private readonly HandlebarsTemplate<object, object> _template;

    private WebHookBodyTemplate(HandlebarsTemplate<object, object> template) => _template = template;

    /// <param name="location">base64://, file:// or a path.</param>
    /// <param name="key">The configuration key, for errors.</param>
    /// <param name="sample">A payload of the shape <see cref="Render"/> will get; the web hooks' by default.</param>
    public static WebHookBodyTemplate Load(string location, string key, JsonObject? sample = null)
    {
        var source = Read(location, key);
        if (IsJsonnet(location, source))
        {
            throw new ConfigurationException(key, "the body is a Jsonnet template, and Tessera has no Jsonnet engine: write the body as JSON with "
                + "Handlebars placeholders instead, e.g. {\"to\": \"{{recipient}}\", \"text\": \"{{body}}\"} (see docs/compatibility.md)");
        }

        return Compile(source, key, sample);
    }

    /// <summary>Whether the template at <paramref name="location"/> is Kratos's Jsonnet rather than a Tessera template.</summary>
    public static bool IsJsonnetAt(string location, string key) => IsJsonnet(location, Read(location, key));

    /// <summary>The text at a base64:// or file:// location (or a bare path); what the social sign-in mappers read too.</summary>
    internal static string Read(string location, string key)
    {
        try
        {
            return location switch
            {
                _ when location.StartsWith("base64://", StringComparison.Ordinal) =>
                    Encoding.UTF8.GetString(Convert.FromBase64String(location["base64://".Length..])),
                _ when location.StartsWith("file://", StringComparison.Ordinal) => File.ReadAllText(location["file://".Length..]),
                _ when location.StartsWith("http://", StringComparison.Ordinal) || location.StartsWith("https://", StringComparison.Ordinal) =>
                    throw new ConfigurationException(key, "templates are read from file:// or base64:// only (no fetch at start-up)"),
                _ => File.ReadAllText(location),
            };
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(key, $"the body template cannot be read: {e.Message}");
        }
    }

    private static WebHookBodyTemplate Compile(string source, string key, JsonObject? sample)
    {
        if (source.Contains("{{{", StringComparison.Ordinal) || source.Contains("{{&", StringComparison.Ordinal))
        {
            throw new ConfigurationException(key, "the body template writes a value unescaped ({{{...}}} or {{&...}}); use \"{{path}}\" for strings "
                + "and {{json path}} for other values (write { {{json x}} } with spaces where a brace meets a mustache)");
        }

        WebHookBodyTemplate template;
        try
        {
            template = new WebHookBodyTemplate(Engine.Compile(source));
        }
        catch (HandlebarsException e)
        {
            throw new ConfigurationException(key, $"the body template is not a valid Handlebars template: {e.Message}");
        }

        try
        {
            using var _ = JsonDocument.Parse(template.Render(sample ?? WebHookSamplePayload.Build()));
        }
        catch (Exception e) when (e is JsonException or HandlebarsException)
        {
            throw new ConfigurationException(key, $"the body template does not render valid JSON with a sample payload ({e.Message}); "
                + "quote string values (\"{{path}}\") and write other values with {{json path}}");
        }

        return template;
    }

    // Kratos's bodies are Jsonnet: a function of the context (`function(ctx) {...}`), often after `local` bindings or
    // comments, in a .jsonnet file. JSON never starts with any of these.
    private static bool IsJsonnet(string location, string source)
    {
        var text = source.TrimStart();
        return location.EndsWith(".jsonnet", StringComparison.OrdinalIgnoreCase) || location.EndsWith(".libsonnet", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("function", StringComparison.Ordinal) || text.StartsWith("local ", StringComparison.Ordinal)
            || text.StartsWith("//", StringComparison.Ordinal) || text.StartsWith("/*", StringComparison.Ordinal) || text.StartsWith('#');
    }

    public string Render(JsonObject payload) => _template(ToTemplateData(payload)!);

    private static IHandlebars CreateEngine()
    {
        var engine = Handlebars.Create(new HandlebarsConfiguration { TextEncoder = new JsonStringEncoder() });
        // A path that is not in the payload comes as Handlebars's "undefined": written as null, so the body stays JSON.
        engine.RegisterHelper("json", (writer, _, arguments) =>
            writer.WriteSafeString(JsonSerializer.Serialize(arguments.Length > 0 && arguments[0] is not UndefinedBindingResult ? arguments[0] : null)));
        return engine;
    }

    // Handlebars walks dictionaries and lists, not System.Text.Json nodes. Values are read by their JSON kind, so a
    // value built in memory (an int, a DateTimeOffset) reads the same as one parsed from text.
    private static object? ToTemplateData(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => ToTemplateData(p.Value), StringComparer.Ordinal),
        JsonArray array => array.Select(ToTemplateData).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            JsonValueKind.Number when long.TryParse(value.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
            JsonValueKind.Number => double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
            JsonValueKind.String => JsonSerializer.Deserialize<string>(value.ToJsonString()),
            _ => value.ToJsonString(),
        },
        _ => node.ToJsonString(),
    };
}
