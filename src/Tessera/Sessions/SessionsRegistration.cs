// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Persistence.Cleanup;
using Tessera.Projects.Overlays;

namespace Tessera.Sessions;

internal static class SessionsRegistration
{
    public static IServiceCollection AddSessions(this IServiceCollection services, ConfigurationTree config, ServeOptions serve)
    {
        services.AddProjectOptions(config, c => SessionOptions.Bind(c, serve));
        services.AddSingleton<SessionStore>();
        services.AddSingleton<SessionRevocations>();

        // Expired sessions stay listable (admin API, ?active=false) for a week, then go.
        services.AddCleanupTask<SessionStore>("sessions", (store, provider, ct) =>
            store.DeleteExpiredAsync(provider.GetRequiredService<TimeProvider>().GetUtcNow() - TimeSpan.FromDays(7), ct));
        services.AddSingleton<SessionManager>();
        services.AddSingleton<SessionResponder>();
        services.AddSingleton<WhoamiCache>();
        services.AddSingleton<WhoamiDependencies>();
        services.AddSingleton<TokenExchange.SessionTokenExchangeStore>();
        services.AddSingleton<TokenExchange.SessionTokenExchange>();
        return services;
    }
}
