// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.SelfService.Flows.Registration;

/// <summary>
/// Kratos's <c>updateRegistrationFlowWithPasswordMethod</c>, <c>updateRegistrationFlowWithProfileMethod</c> and
/// <c>updateRegistrationFlowWithCodeMethod</c> (form
/// fields <c>traits.email</c> or a JSON object).
/// </summary>
internal sealed record UpdateRegistrationFlowRequest(string? Method, string? Password, JsonObject? Traits, string? CsrfToken)
{
    public JsonNode? TransientPayload { get; init; }

    /// <summary>Kratos's <c>updateRegistrationFlowWithOidcMethod</c>: the id of the provider to sign up with.</summary>
    public string? Provider { get; init; }

    /// <summary>The captcha provider's token, when the flow has a captcha node.</summary>
    public string? CaptchaTurnstileResponse { get; init; }

    /// <summary>Kratos's <c>updateRegistrationFlowWithPasskeyMethod</c>: the credential from <c>navigator.credentials.create</c>, as JSON.</summary>
    public string? PasskeyRegister { get; init; }

    /// <summary>Kratos's <c>updateRegistrationFlowWithWebAuthnMethod</c>: the security key's credential, as JSON.</summary>
    public string? WebauthnRegister { get; init; }

    /// <summary>The security key's name (optional).</summary>
    public string? WebauthnRegisterDisplayname { get; init; }

    /// <summary>Kratos's <c>updateRegistrationFlowWithCodeMethod</c>: the code the address received.</summary>
    public string? Code { get; init; }

    /// <summary><c>code</c> sends the code again (to the address of the traits it was sent for).</summary>
    public string? Resend { get; init; }

    /// <summary>The two-step form's navigation: <c>previous</c> (back to the traits) or <c>credential-selection</c>.</summary>
    public string? Screen { get; init; }
}
