// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Nodes;

/// <summary>One element of a flow's form (Kratos's <c>uiNode</c>). <c>group</c> names the method it belongs to.</summary>
internal sealed record UiNode(string Type, string Group, UiNodeAttributes Attributes, UiNodeMeta Meta)
{
    public List<UiText> Messages { get; init; } = [];

    public string? Name => (Attributes as UiInputAttributes)?.Name;

    public static UiNode Input(string group, string name, string type, UiText? label = null, bool required = false, string? autocomplete = null) =>
        new("input", group, new UiInputAttributes(name, type) { Required = required, Autocomplete = autocomplete }, new UiNodeMeta(label));

    /// <summary>A submit button: sends <paramref name="name"/>=<paramref name="value"/> (<c>method=password</c>, <c>totp_unlink=true</c>).</summary>
    public static UiNode Submit(string group, string name, JsonNode value, UiText? label) =>
        new("input", group, new UiInputAttributes(name, "submit") { Value = value }, new UiNodeMeta(label));

    public static UiNode Hidden(string group, string name, string value) =>
        new("input", group, new UiInputAttributes(name, "hidden") { Value = value, Required = true }, new UiNodeMeta(null));
}
