// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.SelfService.Hooks;

namespace Tessera.OAuth2.TokenHooks;

/// <summary>
/// Hydra's <c>oauth2.token_hook</c> (called for every grant) and <c>oauth2.refresh_token_hook</c> (called for the
/// refresh grant, before the token hook), each a URL or Hydra's <c>webhook_config</c>
/// <c>{url, auth: {type: api_key, config: {name, value, in}}}</c>. Tessera adds <c>timeout</c> (default 10s): the
/// budget of the whole call, retries of 5xx/429 and unreachable targets included, as for flow web hooks. Every
/// sub-key has its environment override (<c>OAUTH2_TOKEN_HOOK_URL</c>, <c>OAUTH2_TOKEN_HOOK_AUTH_CONFIG_VALUE</c>).
/// </summary>
internal sealed record TokenHookOptions(WebHookConfig? TokenHook, WebHookConfig? RefreshTokenHook)
{
    public const string TokenHookKey = "oauth2.token_hook";
    public const string RefreshTokenHookKey = "oauth2.refresh_token_hook";

    private static readonly HashSet<string> Members = ["url", "auth", "timeout"];

    public static TokenHookOptions Bind(ConfigurationTree config) =>
        new(Hook(config, TokenHookKey), Hook(config, RefreshTokenHookKey));

    private static WebHookConfig? Hook(ConfigurationTree config, string key)
    {
        var node = config.GetNode(key);
        if (node is JsonValue)
        {
            var url = node.ToString();
            return url.Length == 0 ? null : Parse(key, new JsonObject { ["url"] = url });
        }

        if (node is not null and not JsonObject)
        {
            throw new ConfigurationException(key, "expected a URL or {url, auth: {type: api_key, config: {name, value, in}}}");
        }

        if (node is JsonObject given && given.Select(p => p.Key).FirstOrDefault(k => !Members.Contains(k)) is { } unknown)
        {
            throw new ConfigurationException($"{key}.{unknown}", "unknown key: a token hook takes url, auth and timeout");
        }

        // Read member by member (not from the node) so that each has its environment override.
        var hook = new JsonObject();
        Copy(config, key, "url", hook);
        Copy(config, key, "timeout", hook);
        var type = config.GetString($"{key}.auth.type");
        if (type is not null || (node as JsonObject)?["auth"] is not null)
        {
            if (type != "api_key")
            {
                throw new ConfigurationException($"{key}.auth.type", $"expected api_key, got \"{type}\"");
            }

            var auth = new JsonObject();
            Copy(config, $"{key}.auth.config", "name", auth);
            Copy(config, $"{key}.auth.config", "value", auth);
            Copy(config, $"{key}.auth.config", "in", auth);
            hook["auth"] = new JsonObject { ["type"] = type, ["config"] = auth };
        }

        return hook.Count == 0 ? null : Parse(key, hook);
    }

    private static void Copy(ConfigurationTree config, string key, string member, JsonObject target)
    {
        if (config.GetString($"{key}.{member}") is { } value)
        {
            target[member] = value;
        }
    }

    // The flow web hooks' parser: the same URL, auth and timeout rules, the same error messages.
    private static WebHookConfig Parse(string key, JsonObject hook)
    {
        if (hook["url"] is null)
        {
            throw new ConfigurationException($"{key}.url", "is required");
        }

        return WebHookConfigParser.Parse(key, hook) with { CanInterrupt = true };
    }
}
