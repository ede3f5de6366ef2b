// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.SelfService.Flows.Settings;

/// <summary>
/// Kratos's <c>updateSettingsFlowBody</c>: the union of the profile, password, totp and lookup_secret method bodies
/// (form or JSON). Flags are nodes because a form sends them as the strings "true"/"false".
/// </summary>
internal sealed record UpdateSettingsFlowRequest(string? Method, string? CsrfToken)
{
    public JsonObject? Traits { get; init; }

    public string? Password { get; init; }

    public string? TotpCode { get; init; }

    public JsonNode? TotpUnlink { get; init; }

    public JsonNode? LookupSecretReveal { get; init; }

    public JsonNode? LookupSecretRegenerate { get; init; }

    public JsonNode? LookupSecretConfirm { get; init; }

    public JsonNode? LookupSecretDisable { get; init; }

    /// <summary>Kratos's <c>updateSettingsFlowWithWebAuthnMethod</c>: a new security key's credential (JSON), its name, or the id of one to remove.</summary>
    public string? WebauthnRegister { get; init; }

    public string? WebauthnRegisterDisplayname { get; init; }

    public string? WebauthnRemove { get; init; }

    /// <summary>Kratos's <c>updateSettingsFlowWithPasskeyMethod</c>: a new passkey's credential (JSON), or the id of one to remove.</summary>
    public string? PasskeySettingsRegister { get; init; }

    public string? PasskeyRemove { get; init; }

    /// <summary>Kratos's <c>updateSettingsFlowWithOidcMethod</c>: the provider to link, or the one to unlink.</summary>
    public string? Link { get; init; }

    public string? Unlink { get; init; }

    public JsonNode? TransientPayload { get; init; }

    /// <summary>
    /// The method a body without <c>method</c> is for, as Kratos infers it: webauthn.js submits a security key's or a
    /// passkey's form without pressing a submit button, and the remove buttons carry only their own field.
    /// </summary>
    public string? ImpliedMethod =>
        Method ?? (WebauthnRegister is { Length: > 0 } || WebauthnRemove is { Length: > 0 } ? "webauthn"
            : PasskeySettingsRegister is { Length: > 0 } || PasskeyRemove is { Length: > 0 } ? "passkey"
            : Link is { Length: > 0 } || Unlink is { Length: > 0 } ? "oidc" : null);

    /// <summary>A flag as JSON <c>true</c> or the form string <c>"true"</c>.</summary>
    public static bool IsSet(JsonNode? flag) =>
        flag is JsonValue value && (value.TryGetValue<bool>(out var b) ? b : value.TryGetValue<string>(out var s) && s == "true");
}
