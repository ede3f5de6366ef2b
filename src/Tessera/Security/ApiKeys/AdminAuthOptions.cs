// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Security.ApiKeys;

/// <summary>
/// <c>serve.admin.auth.*</c>: whether the admin listener demands <c>Authorization: Bearer &lt;admin key&gt;</c>.
/// <c>required</c> is <c>auto</c> (default), <c>true</c> or <c>false</c>; <c>last_used_interval</c> bounds how
/// often a key's last use is written (default 1m).
/// </summary>
internal sealed record AdminAuthOptions(AdminAuthMode Mode, TimeSpan LastUsedInterval)
{
    private static readonly Dictionary<string, AdminAuthMode> Modes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["auto"] = AdminAuthMode.Auto, ["true"] = AdminAuthMode.Required, ["false"] = AdminAuthMode.Off,
    };

    public static AdminAuthOptions Bind(ConfigurationTree config) => new(
        config.GetEnum("serve.admin.auth.required", AdminAuthMode.Auto, Modes),
        config.GetDuration("serve.admin.auth.last_used_interval", TimeSpan.FromMinutes(1), TimeSpan.Zero));
}
