// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Flows.Nodes;

/// <summary>A <c>&lt;script&gt;</c> a UI must load (Kratos's <c>uiNodeScriptAttributes</c>), such as <c>webauthn.js</c>.</summary>
internal sealed record UiScriptAttributes(string Id, string Src, string Integrity) : UiNodeAttributes
{
    public bool Async { get; init; } = true;

    public string Crossorigin { get; init; } = "anonymous";

    public string Referrerpolicy { get; init; } = "no-referrer";

    public string Type { get; init; } = "text/javascript";

    public string Nonce { get; init; } = string.Empty;
}
