// SPDX-License-Identifier: Apache-2.0
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Nodes;

/// <summary>A piece of text, such as a TOTP secret or a list of backup codes.</summary>
internal sealed record UiTextAttributes(string Id, UiText Text) : UiNodeAttributes;
