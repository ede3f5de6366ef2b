// SPDX-License-Identifier: Apache-2.0
using Tessera.Projects.Overlays;
using Tessera.SelfService.Flows.Nodes;
using Tessera.SelfService.Methods.Oidc.Providers;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Oidc;

/// <summary>
/// Kratos's <c>oidc</c> group: one submit button per provider, <c>name="provider"</c> with the provider id as value,
/// labelled "Sign in with {provider}" (1010002) on login and "Sign up with {provider}" (1040002) on registration.
/// </summary>
internal sealed class OidcNodes(ProjectOptions<OidcOptions> options)
{
    public const string Group = "oidc";
    public const string ProviderField = "provider";

    public void AddLogin(UiContainer ui) => Add(ui, UiMessages.InfoSelfServiceLoginWith);

    public void AddRegistration(UiContainer ui) => Add(ui, UiMessages.InfoSelfServiceRegistrationWith);

    private void Add(UiContainer ui, UiMessage label)
    {
        foreach (var provider in options.Value.Offered)
        {
            ui.Nodes.Add(new UiNode("input", Group,
                new UiInputAttributes(ProviderField, "submit") { Value = provider.Id },
                new UiNodeMeta(label.With(new Dictionary<string, object?> { ["provider"] = provider.Label, ["provider_id"] = provider.Id }))));
        }
    }
}
