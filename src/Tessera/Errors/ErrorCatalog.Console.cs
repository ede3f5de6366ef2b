// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>Errors of the operator console (<c>/console</c>) that no other channel has.</summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor IdentityRecoveryAddressMissing = new(
        "identity_recovery_address_missing", 400,
        "The identity has no address to send a recovery code to.",
        "The identity has no e-mail recovery address.",
        "The console sends a recovery code by e-mail to the identity's recovery address; its identity schema marks no trait as a recovery address (`ory.sh/kratos.recovery.via: email`), or the trait is empty.",
        "Add the recovery extension to the e-mail trait of the identity schema and set the trait, or create a code with `POST /admin/recovery/code` and hand it over another way.");
}
