// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Flows.Login;

/// <summary>Kratos's <c>updateLoginFlowWithPasswordMethod</c> and <c>updateLoginFlowWithCodeMethod</c> (form or JSON body).</summary>
internal sealed record UpdateLoginFlowRequest(string? Method, string? Identifier, string? Password, string? CsrfToken)
{
    /// <summary>Kratos's older name for the identifier field.</summary>
    public string? PasswordIdentifier { get; init; }

    /// <summary>Kratos's <c>updateLoginFlowWithTotpMethod</c> (second factor).</summary>
    public string? TotpCode { get; init; }

    /// <summary>Kratos's <c>updateLoginFlowWithLookupSecretMethod</c> (second factor: a backup code).</summary>
    public string? LookupSecret { get; init; }

    /// <summary>Kratos's <c>updateLoginFlowWithCodeMethod</c>: the code the address received.</summary>
    public string? Code { get; init; }

    /// <summary><c>code</c> asks for the code again (to the same address).</summary>
    public string? Resend { get; init; }

    /// <summary>A second factor: which of the account's addresses the code goes to.</summary>
    public string? Address { get; init; }

    /// <summary>Kratos's <c>updateLoginFlowWithPasskeyMethod</c>: the assertion from <c>navigator.credentials.get</c>, as JSON.</summary>
    public string? PasskeyLogin { get; init; }

    /// <summary>Kratos's <c>updateLoginFlowWithWebAuthnMethod</c>: the security key's assertion, as JSON.</summary>
    public string? WebauthnLogin { get; init; }

    /// <summary>Kratos's <c>updateLoginFlowWithOidcMethod</c>: the id of the provider to sign in with.</summary>
    public string? Provider { get; init; }

    /// <summary>The captcha provider's token, when the flow has a captcha node.</summary>
    public string? CaptchaTurnstileResponse { get; init; }
}
