// SPDX-License-Identifier: Apache-2.0
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Nodes;

/// <summary>A link.</summary>
internal sealed record UiAnchorAttributes(string Id, string Href, UiText Title) : UiNodeAttributes;
