// SPDX-License-Identifier: Apache-2.0
using Tessera.SelfService.Flows.Nodes;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Settings;

/// <summary>Nodes the settings methods share.</summary>
internal static class SettingsNodes
{
    public const string Method = "method";

    /// <summary>A method's save button: <c>method=&lt;value&gt;</c>, labelled "Save" (1070003).</summary>
    public static UiNode Submit(string group, string value, UiText? label = null) =>
        UiNode.Submit(group, Method, value, label ?? UiMessages.InfoNodeLabelSave.With());
}
