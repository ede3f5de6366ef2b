// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Logging;

/// <summary>
/// <c>log.requests</c> (default true): one info line per request. Kratos logs every request and has no switch for it,
/// only <c>serve.public.request_log.disable_for_health</c> / <c>serve.admin.request_log.disable_for_health</c>
/// (default false), which are read here too.
/// </summary>
internal sealed record RequestLogOptions(bool Enabled, bool PublicSkipsHealth, bool AdminSkipsHealth)
{
    public static RequestLogOptions Bind(ConfigurationTree config) => new(
        config.GetBool("log.requests", true),
        config.GetBool("serve.public.request_log.disable_for_health", false),
        config.GetBool("serve.admin.request_log.disable_for_health", false));
}
