// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.SelfService.Flows.Registration;

/// <summary>Kratos's <c>updateRegistrationFlowWithPasswordMethod</c> (form fields <c>traits.email</c> or a JSON object).</summary>
internal sealed record UpdateRegistrationFlowRequest(string? Method, string? Password, JsonObject? Traits, string? CsrfToken)
{
    public JsonNode? TransientPayload { get; init; }

    /// <summary>The captcha provider's token, when the flow has a captcha node.</summary>
    public string? CaptchaTurnstileResponse { get; init; }
}
