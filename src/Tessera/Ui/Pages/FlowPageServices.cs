// SPDX-License-Identifier: Apache-2.0
using Tessera.Security.Csrf;
using Tessera.SelfService.Flows;
using Tessera.Sessions;

namespace Tessera.Ui.Pages;

/// <summary>What a flow page reads, bound per request with <c>[AsParameters]</c> (every member is a registered service).</summary>
internal sealed record FlowPageServices(FlowLookup Flows, CsrfCookie CsrfCookie, SessionManager Sessions, TimeProvider Clock);
