// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Hosting;
using Tessera.Persistence.Cleanup;
using Tessera.Projects.Overlays;
using Tessera.Security.Csrf;

namespace Tessera.SelfService.Flows;

internal static class FlowsRegistration
{
    /// <summary>The machinery every flow kind shares.</summary>
    public static IServiceCollection AddSelfServiceFlows(this IServiceCollection services, ConfigurationTree config, ServeOptions serve)
    {
        services.AddProjectOptions(config, SelfServiceOptions.Bind);
        services.AddSingleton<FlowStore>();

        // Expired flows stay a day so a late fetch still answers 410 "expired" (UIs restart on it), not 404. Flows
        // never submitted go an hour after expiry: creating them costs a client nothing (rate_limits.buckets.flow_creations
        // bounds the rate), so they must not pile up for a day.
        services.AddCleanupTask<FlowStore>("self-service flows", (store, provider, ct) =>
        {
            var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
            return store.DeleteExpiredAsync(now - TimeSpan.FromDays(1), now - TimeSpan.FromHours(1), ct);
        });
        services.AddSingleton<ReturnToValidator>();
        services.AddSingleton<FlowFactory>();
        services.AddSingleton<FlowLookup>();
        services.AddSingleton<FlowResponder>();
        services.AddSingleton<FlowProblems>();
        services.AddSingleton<FlowRerenderer>();
        services.AddSingleton<FlowCompletion>();
        services.AddSingleton<FlowGate>();
        services.AddSingleton<FlowStarter>();
        services.AddSingleton<CsrfCookie>();
        services.AddSingleton<CsrfProtection>();
        services.AddSingleton(CookieSettings.Bind(config, serve));
        return services;
    }
}
