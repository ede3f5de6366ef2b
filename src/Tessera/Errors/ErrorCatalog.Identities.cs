// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>Identity errors.</summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor IdentityDisabled = new(
        "identity_disabled", 400,
        "The identity is disabled.",
        "This account was disabled.",
        "The identity's `state` is `inactive`, so it cannot log in or use its sessions.",
        "An administrator can set `state: active` on the identity through the admin API.");
}
