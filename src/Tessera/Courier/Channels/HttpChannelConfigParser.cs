// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.SelfService.Hooks;

namespace Tessera.Courier.Channels;

/// <summary>
/// Binds <c>courier.channels</c>: a list of <c>{id, type: http, request_config}</c>. Headers and auth are read as the
/// web hooks read theirs; the body is a web hook body template over <see cref="HttpChannelPayload"/>. Every error
/// names its key path (<c>courier.channels.0.request_config.url</c>) and stops start-up. A Jsonnet body (Kratos's
/// form, as in Kratos's own quickstart files) is the one exception: Tessera has no Jsonnet engine, so the gateway gets
/// Kratos's default fields instead and start-up warns, naming the key and the way to write the body for Tessera.
/// </summary>
internal static class HttpChannelConfigParser
{
    private const string Key = "courier.channels";
    private static readonly HashSet<string> Methods = ["POST", "PUT", "PATCH", "GET"];

    public static IReadOnlyList<HttpChannelConfig> Parse(ConfigurationTree config)
    {
        switch (config.GetNode(Key))
        {
            case null:
                return [];
            case JsonArray entries:
                var channels = entries.Select((entry, i) => ParseEntry(config, entry, string.Create(CultureInfo.InvariantCulture, $"{Key}.{i}"))).ToList();
                if (channels.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
                {
                    throw new ConfigurationException(Key, $"the channel id \"{twice.Key}\" is configured twice");
                }

                return channels;
            default:
                throw new ConfigurationException(Key, "expected a list of channels ({id: sms, type: http, request_config: {...}})");
        }
    }

    private static HttpChannelConfig ParseEntry(ConfigurationTree config, JsonNode? node, string key)
    {
        if (node is not JsonObject entry)
        {
            throw new ConfigurationException(key, "expected a channel mapping with id and request_config");
        }

        var id = Text(entry, key, "id");
        if (id != CourierChannelIds.Sms)
        {
            throw new ConfigurationException($"{key}.id", $"expected sms (the only channel id Kratos defines), got \"{id}\"");
        }

        var type = Text(entry, key, "type") ?? "http";
        if (type != "http")
        {
            throw new ConfigurationException($"{key}.type", $"expected http, got \"{type}\"");
        }

        var requestKey = $"{key}.request_config";
        if (entry["request_config"] is not JsonObject request)
        {
            throw new ConfigurationException(requestKey, "a channel needs a request_config mapping with at least a url");
        }

        var url = Text(request, requestKey, "url");
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ConfigurationException($"{requestKey}.url", "expected an absolute http(s) URL");
        }

        var method = (Text(request, requestKey, "method") ?? "POST").ToUpperInvariant();
        if (!Methods.Contains(method))
        {
            throw new ConfigurationException($"{requestKey}.method", $"expected one of {string.Join(", ", Methods)}, got \"{method}\"");
        }

        var body = Text(request, requestKey, "body");
        if (body is not null && WebHookBodyTemplate.IsJsonnetAt(body, $"{requestKey}.body"))
        {
            config.AddNotice($"{requestKey}.body", "the body is a Jsonnet template, and Tessera has no Jsonnet engine: the gateway gets Kratos's "
                + "default fields (recipient, template_type, body, ...) instead. To shape the body, write it as JSON with Handlebars placeholders, "
                + "e.g. {\"to\": \"{{recipient}}\", \"text\": \"{{body}}\"} (see docs/compatibility.md)");
            body = null;
        }

        body ??= "base64://" + Convert.ToBase64String(Encoding.UTF8.GetBytes(HttpChannelPayload.DefaultBody));
        return new HttpChannelConfig(id, new WebHookConfig(
            uri,
            new HttpMethod(method),
            WebHookConfigParser.Headers(request["headers"], $"{requestKey}.headers"),
            WebHookBodyTemplate.Load(body, $"{requestKey}.body", HttpChannelSamplePayload.Build()),
            WebHookConfigParser.Auth(request["auth"], $"{requestKey}.auth"),
            CanInterrupt: false,
            Parse: false,
            Ignore: false,
            CourierOptions.SendTimeout,
            id));
    }

    private static string? Text(JsonObject node, string key, string name) => node[name] switch
    {
        null => null,
        JsonValue value => value.ToString(),
        _ => throw new ConfigurationException($"{key}.{name}", "expected a single value"),
    };
}
