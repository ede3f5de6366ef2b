// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.SelfService.Flows.Nodes;

/// <summary>An <c>&lt;input&gt;</c>: name, type (text, email, password, hidden, submit, ...), value.</summary>
internal sealed record UiInputAttributes(string Name, string Type) : UiNodeAttributes
{
    public JsonNode? Value { get; init; }

    public bool Required { get; init; }

    public bool Disabled { get; init; }

    public string? Autocomplete { get; init; }

    public string? Pattern { get; init; }

    public long? Maxlength { get; init; }

    /// <summary>Script a UI runs on click (Kratos: deprecated, kept for older UIs), and the trigger's name (<c>oryPasskeyLogin</c>) that newer UIs call.</summary>
    public string? Onclick { get; init; }

    public string? OnclickTrigger { get; init; }

    /// <summary>Script a UI runs when the form is shown, and its trigger's name.</summary>
    public string? Onload { get; init; }

    public string? OnloadTrigger { get; init; }
}
