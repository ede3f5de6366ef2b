// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.SelfService.Flows;

/// <summary>
/// <c>selfservice.*</c> shared by every flow: the default return URL, the return_to allow-list, and each kind's
/// settings. UI URLs left unset mean the built-in UI under <c>/ui/</c>.
/// </summary>
internal sealed record SelfServiceOptions(
    Uri? DefaultBrowserReturnUrl,
    IReadOnlyList<Uri> AllowedReturnUrls,
    IReadOnlyDictionary<FlowKind, FlowSettings> Flows)
{
    public static SelfServiceOptions Bind(ConfigurationTree config)
    {
        var allowed = new List<Uri>();
        foreach (var text in config.GetStringList("selfservice.allowed_return_urls"))
        {
            allowed.Add(Uri.TryCreate(text.Replace("*.", "wildcard.", StringComparison.Ordinal), UriKind.Absolute, out _)
                ? new Uri(text.Replace("*.", "wildcard.", StringComparison.Ordinal))
                : throw new ConfigurationException("selfservice.allowed_return_urls", $"\"{text}\" is not an absolute URL"));
        }

        var flows = Enum.GetValues<FlowKind>().ToDictionary(kind => kind, kind =>
        {
            var prefix = $"selfservice.flows.{FlowNames.Of(kind)}";
            return new FlowSettings(
                config.GetBool($"{prefix}.enabled", true),
                config.GetUri($"{prefix}.ui_url"),
                config.GetDuration($"{prefix}.lifespan", TimeSpan.FromHours(1), TimeSpan.FromSeconds(1)));
        });
        return new SelfServiceOptions(config.GetUri("selfservice.default_browser_return_url"), allowed, flows);
    }

    public FlowSettings For(FlowKind kind) => Flows[kind];
}
