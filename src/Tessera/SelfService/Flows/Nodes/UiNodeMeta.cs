// SPDX-License-Identifier: Apache-2.0
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Nodes;

internal sealed record UiNodeMeta(UiText? Label);
