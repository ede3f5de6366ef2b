// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.SelfService.Methods.Code;

/// <summary>
/// <c>selfservice.methods.code</c>: how long an e-mailed code is valid (<c>config.lifespan</c>, Kratos's schema
/// default 1h) and how many code submissions a flow accepts before it refuses all further ones
/// (<c>config.max_submissions</c>, default 5).
/// </summary>
internal sealed record CodeOptions(bool Enabled, TimeSpan Lifespan, int MaxSubmissions)
{
    public static CodeOptions Bind(ConfigurationTree config) => new(
        config.GetBool("selfservice.methods.code.enabled", true),
        config.GetDuration("selfservice.methods.code.config.lifespan", TimeSpan.FromHours(1), TimeSpan.FromSeconds(1)),
        config.GetInt("selfservice.methods.code.config.max_submissions", 5, 1, 255));
}
