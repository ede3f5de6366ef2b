// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.SelfService.Flows.Verification;

/// <summary>Kratos's <c>updateVerificationFlowWithCodeMethod</c>: <c>email</c> asks for a (new) code, <c>code</c> answers it.</summary>
internal sealed record UpdateVerificationFlowRequest(string? Method, string? Email, string? Code, string? CsrfToken)
{
    public JsonNode? TransientPayload { get; init; }

    /// <summary>The captcha provider's token, when the flow has a captcha node.</summary>
    public string? CaptchaTurnstileResponse { get; init; }
}
