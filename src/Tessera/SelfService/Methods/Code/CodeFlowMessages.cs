// SPDX-License-Identifier: Apache-2.0
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Code;

/// <summary>The messages a code flow kind shows for an expired flow, a finished one, and a method it does not know.</summary>
internal sealed record CodeFlowMessages(UiMessage Expired, UiMessage RetrySuccess, UiMessage NoStrategy);
