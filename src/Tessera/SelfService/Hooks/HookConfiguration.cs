// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.SelfService.Flows;

namespace Tessera.SelfService.Hooks;

/// <summary>
/// Every flow's hook chains (<c>selfservice.flows.&lt;flow&gt;.before.hooks</c>, <c>.after.hooks</c>,
/// <c>.after.password.hooks</c>), bound eagerly so that a bad hook stops start-up with its key. Per project (a
/// project's overlay may set any chain; read it per request through <c>ProjectOptions&lt;HookConfiguration&gt;</c>):
/// a web hook body template an overlay sets must be inline (<c>base64://</c>), since tenants must not read server files. A method's own <c>after.&lt;method&gt;.hooks</c> replaces <c>after.hooks</c> when set
/// (settings: <c>password</c>, <c>profile</c>, <c>totp</c>, <c>lookup_secret</c>; recovery and verification: <c>code</c>, <c>link</c>).
/// Without configuration, registration signs the new identity in (the <c>session</c> hook), as Kratos's default.
/// </summary>
internal sealed class HookConfiguration
{
    public static readonly string[] Methods = ["password", "profile", "totp", "lookup_secret", "code", "link"];
    private readonly Dictionary<string, HookChain> _chains;

    private HookConfiguration(Dictionary<string, HookChain> chains) => _chains = chains;

    public static HookConfiguration Bind(ConfigurationTree config)
    {
        var chains = new Dictionary<string, HookChain>(StringComparer.Ordinal);
        foreach (var kind in Enum.GetValues<FlowKind>())
        {
            var flow = FlowNames.Of(kind);
            foreach (var point in new[] { $"{flow}.before", $"{flow}.after" }.Concat(Methods.Select(m => $"{flow}.after.{m}")))
            {
                if (Chain(config, point) is { } chain)
                {
                    chains[point] = chain;
                }
            }
        }

        return new HookConfiguration(chains);
    }

    public HookChain Before(FlowKind kind) => Find($"{FlowNames.Of(kind)}.before") ?? Empty($"{FlowNames.Of(kind)}.before");

    public HookChain After(FlowKind kind, string method)
    {
        var flow = FlowNames.Of(kind);
        return Find($"{flow}.after.{method}") ?? Find($"{flow}.after")
            ?? (kind == FlowKind.Registration
                ? new HookChain($"{flow}.after.{method}", [new HookDefinition(HookNames.Session, 0)])
                : Empty($"{flow}.after.{method}"));
    }

    private HookChain? Find(string point) => _chains.GetValueOrDefault(point);

    private static HookChain Empty(string point) => new(point, []);

    private static HookChain? Chain(ConfigurationTree config, string point)
    {
        var key = $"selfservice.flows.{point}.hooks";
        var node = config.GetNode(key);
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray list)
        {
            throw new ConfigurationException(key, "expected a list of {hook: name, config: ...}");
        }

        var hooks = new List<HookDefinition>();
        for (var i = 0; i < list.Count; i++)
        {
            var itemKey = string.Create(CultureInfo.InvariantCulture, $"{key}.{i}");
            var name = (list[i] as JsonObject)?["hook"] is JsonValue value ? value.ToString() : null;
            if (name is null || !HookNames.Known.Contains(name))
            {
                throw new ConfigurationException($"{itemKey}.hook", $"expected one of {string.Join(", ", HookNames.Known)}, got \"{name}\"");
            }

            var web = name == HookNames.WebHook ? WebHookConfigParser.Parse($"{itemKey}.config", list[i]!["config"], config.SetByOverlay($"{itemKey}.config.body")) : null;
            hooks.Add(new HookDefinition(name, i, web));
        }

        return new HookChain(point, hooks);
    }
}
