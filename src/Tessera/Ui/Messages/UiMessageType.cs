// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Ui.Messages;

/// <summary>Kratos's message types: <c>info</c>, <c>error</c>, <c>success</c>.</summary>
internal enum UiMessageType
{
    Info,
    Error,
    Success,
}
