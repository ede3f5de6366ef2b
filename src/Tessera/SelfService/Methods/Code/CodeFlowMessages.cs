// SPDX-License-Identifier: Apache-2.0
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Code;

/// <summary>The messages a code flow kind shows for an expired flow and a method it does not know (a finished one: <see cref="Flows.FlowFinality"/>).</summary>
internal sealed record CodeFlowMessages(UiMessage Expired, UiMessage NoStrategy);
