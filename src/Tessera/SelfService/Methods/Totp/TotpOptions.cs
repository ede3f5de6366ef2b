// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.SelfService.Methods.Totp;

/// <summary><c>selfservice.methods.totp</c>: whether authenticator apps can be linked, and the issuer they show.</summary>
internal sealed record TotpOptions(bool Enabled, string? Issuer)
{
    public static TotpOptions Bind(ConfigurationTree config) => new(
        config.GetBool("selfservice.methods.totp.enabled", false),
        config.GetString("selfservice.methods.totp.config.issuer"));
}
