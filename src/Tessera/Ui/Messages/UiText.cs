// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Ui.Messages;

/// <summary>A rendered message as Kratos's flows carry it: <c>{"id", "text", "type", "context"}</c>.</summary>
internal sealed record UiText(int Id, string Text, string Type, IReadOnlyDictionary<string, object?> Context);
