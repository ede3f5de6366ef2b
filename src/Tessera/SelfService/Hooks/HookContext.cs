// SPDX-License-Identifier: Apache-2.0
using Tessera.Identities;
using Tessera.SelfService.Flows;

namespace Tessera.SelfService.Hooks;

/// <summary>What a chain runs for: the request, the flow, and the identity once there is one (not yet stored in registration's pre-persist hooks).</summary>
internal sealed record HookContext(HttpContext Http, Flow Flow, Identity? Identity);
