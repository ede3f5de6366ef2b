// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Sessions;

internal static class SessionsRegistration
{
    public static IServiceCollection AddSessions(this IServiceCollection services, ConfigurationTree config, ServeOptions serve)
    {
        services.AddSingleton(SessionOptions.Bind(config, serve));
        services.AddSingleton<SessionStore>();
        services.AddSingleton<SessionManager>();
        services.AddSingleton<SessionResponder>();
        services.AddSingleton<WhoamiCache>();
        services.AddSingleton<WhoamiDependencies>();
        return services;
    }
}
