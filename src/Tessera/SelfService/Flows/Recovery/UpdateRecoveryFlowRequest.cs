// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.SelfService.Flows.Recovery;

/// <summary>Kratos's <c>updateRecoveryFlowWithCodeMethod</c>: <c>email</c> asks for a (new) code, <c>code</c> answers it.</summary>
internal sealed record UpdateRecoveryFlowRequest(string? Method, string? Email, string? Code, string? CsrfToken)
{
    public JsonNode? TransientPayload { get; init; }

    /// <summary>The captcha provider's token, when the flow has a captcha node.</summary>
    public string? CaptchaTurnstileResponse { get; init; }
}
