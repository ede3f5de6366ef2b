// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Tessera.Configuration;

namespace Tessera.Security.ApiKeys;

/// <summary>
/// Start-up's loud warning: the admin listener binds an address other machines can reach while nothing demands a key
/// there. Kratos's model (an open admin API on loopback) is safe only on loopback.
/// </summary>
internal sealed partial class AdminExposureCheck(ServeOptions serve, AdminAuthOptions options, ApiKeyService keys, ILogger<AdminExposureCheck> logger)
{
    public async Task WarnIfExposedAsync(CancellationToken cancellationToken)
    {
        if (IsLoopback(serve.Admin.Host) || await keys.AdminKeyRequiredAsync(cancellationToken))
        {
            return;
        }

        LogExposed(logger, serve.Admin.Host, serve.Admin.Port, options.Mode == AdminAuthMode.Off ? "false" : "auto");
    }

    public static bool IsLoopback(string host) =>
        host == "localhost" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));

    [LoggerMessage(EventId = 1710, Level = LogLevel.Warning, Message =
        "SECURITY WARNING: the admin API listens on {Host}:{Port}, reachable from other machines, and requires no API key " +
        "(serve.admin.auth.required: {Mode}, no admin key created). Anyone who can reach it can read and change every identity " +
        "and session. Create a key (tessera keys create --name <name>) and set serve.admin.auth.required: true, or bind " +
        "serve.admin.host to 127.0.0.1.")]
    private static partial void LogExposed(ILogger logger, string host, int port, string mode);
}
