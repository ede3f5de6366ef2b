// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Flows;

/// <summary>Who drives the flow: a browser (cookies, CSRF, redirects) or an API client (JSON, session tokens).</summary>
internal enum FlowType
{
    Api,
    Browser,
}
