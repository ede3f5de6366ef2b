// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.SelfService.Methods.LookupSecret;

/// <summary><c>selfservice.methods.lookup_secret.enabled</c>: whether backup codes can be generated.</summary>
internal sealed record LookupSecretOptions(bool Enabled)
{
    public static LookupSecretOptions Bind(ConfigurationTree config) => new(config.GetBool("selfservice.methods.lookup_secret.enabled", false));
}
