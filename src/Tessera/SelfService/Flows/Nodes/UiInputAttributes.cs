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
}
