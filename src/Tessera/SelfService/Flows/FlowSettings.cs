// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Flows;

/// <summary><c>selfservice.flows.&lt;kind&gt;.*</c> for one kind: whether it is on, its UI, how long a flow lives.</summary>
internal sealed record FlowSettings(bool Enabled, Uri? UiUrl, TimeSpan Lifespan);
