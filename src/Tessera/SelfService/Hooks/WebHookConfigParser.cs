// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Configuration;

namespace Tessera.SelfService.Hooks;

/// <summary>Binds one <c>web_hook</c> entry's <c>config</c>; every error names the key path.</summary>
internal static class WebHookConfigParser
{
    private static readonly HashSet<string> Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    /// <param name="key">The entry's key path, for errors.</param>
    /// <param name="config">The entry's <c>config</c>.</param>
    /// <param name="bodyFromOverlay">Whether a project's overlay set <c>config.body</c>: then it must be inline (<c>base64://</c>).</param>
    public static WebHookConfig Parse(string key, JsonNode? config, bool bodyFromOverlay = false)
    {
        if (config is not JsonObject c)
        {
            throw new ConfigurationException(key, "a web_hook needs a config mapping with at least a url");
        }

        var url = Text(c, key, "url");
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ConfigurationException($"{key}.url", "expected an absolute http(s) URL");
        }

        var method = (Text(c, key, "method") ?? "POST").ToUpperInvariant();
        if (!Methods.Contains(method))
        {
            throw new ConfigurationException($"{key}.method", $"expected one of {string.Join(", ", Methods)}, got \"{method}\"");
        }

        var response = c["response"] as JsonObject;
        var ignore = Bool(response, $"{key}.response", "ignore");
        var parse = Bool(response, $"{key}.response", "parse");
        if (ignore && parse)
        {
            throw new ConfigurationException($"{key}.response", "ignore and parse cannot both be true (an ignored answer cannot be parsed)");
        }

        var timeoutText = Text(c, key, "timeout");
        var timeout = WebHookConfig.DefaultTimeout;
        if (timeoutText is not null && (!GoDuration.TryParse(timeoutText, out timeout) || timeout <= TimeSpan.Zero))
        {
            throw new ConfigurationException($"{key}.timeout", "expected a positive duration such as 10s or 500ms");
        }

        var body = Text(c, key, "body");
        return new WebHookConfig(
            uri,
            new HttpMethod(method),
            Headers(c["headers"], $"{key}.headers"),
            body is null ? null : WebHookBodyTemplate.Load(bodyFromOverlay ? TemplateLocation.Inline(body, $"{key}.body") : body, $"{key}.body"),
            Auth(c["auth"], $"{key}.auth"),
            Bool(c, key, "can_interrupt"),
            parse,
            ignore,
            timeout,
            Text(c, key, "id"));
    }

    /// <summary>A <c>headers</c> mapping (also the courier's HTTP channels' <c>request_config.headers</c>).</summary>
    internal static Dictionary<string, string> Headers(JsonNode? node, string key)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (node is null)
        {
            return headers;
        }

        if (node is not JsonObject map)
        {
            throw new ConfigurationException(key, "expected a mapping of header names to values");
        }

        foreach (var (name, value) in map)
        {
            // No control characters: a CR or LF would let a value inject further headers.
            if (name.Length == 0 || name.Any(ch => ch <= ' ' || ch >= '\u007f' || ch == ':') || value is not JsonValue || value.ToString().Any(char.IsControl))
            {
                throw new ConfigurationException($"{key}.{name}", "expected a header name mapped to a single value");
            }

            headers[name] = value.ToString();
        }

        return headers;
    }

    /// <summary>An <c>auth</c> mapping (also the courier's HTTP channels' <c>request_config.auth</c>).</summary>
    internal static WebHookAuth? Auth(JsonNode? node, string key)
    {
        if (node is null)
        {
            return null;
        }

        var type = node is JsonObject a ? Text(a, key, "type") : null;
        var config = node["config"] as JsonObject;
        switch (type)
        {
            case WebHookAuth.ApiKey:
                var place = Text(config, $"{key}.config", "in") ?? "header";
                if (place is not ("header" or "cookie"))
                {
                    throw new ConfigurationException($"{key}.config.in", "expected header or cookie");
                }

                return new WebHookAuth(type, Required(config, $"{key}.config", "name"), Required(config, $"{key}.config", "value"), place);
            case WebHookAuth.BasicAuth:
                return new WebHookAuth(type, Required(config, $"{key}.config", "user"), Required(config, $"{key}.config", "password"), null);
            default:
                throw new ConfigurationException($"{key}.type", "expected api_key or basic_auth");
        }
    }

    private static string Required(JsonObject? node, string key, string name) =>
        Text(node, key, name) is { Length: > 0 } value ? value : throw new ConfigurationException($"{key}.{name}", "is required");

    private static string? Text(JsonObject? node, string key, string name) => node?[name] switch
    {
        null => null,
        JsonValue value => value.ToString(),
        _ => throw new ConfigurationException($"{key}.{name}", "expected a single value"),
    };

    private static bool Bool(JsonObject? node, string key, string name) => Text(node, key, name)?.ToLowerInvariant() switch
    {
        null or "false" => false,
        "true" => true,
        var other => throw new ConfigurationException($"{key}.{name}", $"expected true or false, got \"{other}\""),
    };
}
