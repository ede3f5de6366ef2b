// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Identities.Schemas;

/// <summary>What the <c>ory.sh/kratos</c> extension says about one trait.</summary>
internal sealed record TraitExtension(
    bool PasswordIdentifier,
    bool CodeIdentifier,
    string? CodeVia,
    bool WebAuthnIdentifier,
    bool TotpAccountName,
    string? VerificationVia,
    string? RecoveryVia)
{
    public static readonly TraitExtension None = new(false, false, null, false, false, null, null);

    public bool IsIdentifier => PasswordIdentifier || CodeIdentifier || WebAuthnIdentifier;
}
