// SPDX-License-Identifier: Apache-2.0
using Tessera.Persistence.Cleanup;

namespace Tessera.OperatorConsole;

internal static class ConsoleRegistration
{
    public static IServiceCollection AddConsole(this IServiceCollection services)
    {
        services.AddSingleton<ConsoleSessionStore>();
        services.AddSingleton<ConsoleSessions>();
        services.AddSingleton<ConsoleIdentityActions>();
        services.AddSingleton<ConsoleRecoverySender>();
        // Console sessions are the deployment's, not a project's: once per pass.
        services.AddCleanupTask<ConsoleSessionStore>("console sessions", (store, _, ct) => store.DeleteExpiredAsync(ct), perProject: false);
        return services;
    }

    /// <summary>After routing, the surface guard and the admin key check: console pages demand a console session.</summary>
    public static IApplicationBuilder UseConsoleSessions(this IApplicationBuilder app) =>
        app.UseMiddleware<ConsoleSessionMiddleware>();
}
