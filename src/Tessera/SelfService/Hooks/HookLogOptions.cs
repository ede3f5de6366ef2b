// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.SelfService.Hooks;

/// <summary>
/// <c>selfservice.hooks.log_lifespan</c>: how long the execution log keeps a call (default 72h). Deployment-wide (the
/// cleanup janitor runs outside any project), so apart from the per-project <see cref="HookConfiguration"/>: an overlay
/// that sets it is refused as deployment-wide.
/// </summary>
internal sealed record HookLogOptions(TimeSpan LogLifespan)
{
    public static HookLogOptions Bind(ConfigurationTree config) =>
        new(config.GetDuration("selfservice.hooks.log_lifespan", TimeSpan.FromHours(72), TimeSpan.FromMinutes(1)));
}
