// SPDX-License-Identifier: Apache-2.0
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Hooks;

/// <summary>A message a web hook asked to show, on the node <see cref="Field"/> (<c>traits.email</c>) or the form.</summary>
internal sealed record HookMessage(string? Field, UiText Text);
