// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Flows.Login;

/// <summary>What starting a login flow asks for: <c>refresh</c>, <c>aal</c>, and an already validated <c>return_to</c>.</summary>
internal sealed record LoginFlowRequest(bool Refresh, string? Aal, Uri? ReturnTo);
