// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Persistence.Cleanup;
using Tessera.Hosting;
using Tessera.Security.Csrf;

namespace Tessera.SelfService.Flows;

internal static class FlowsRegistration
{
    /// <summary>The machinery every flow kind shares.</summary>
    public static IServiceCollection AddSelfServiceFlows(this IServiceCollection services, ConfigurationTree config, ServeOptions serve)
    {
        services.AddSingleton(SelfServiceOptions.Bind(config));
        services.AddSingleton<FlowStore>();

        // Expired flows stay a day so a late fetch still answers 410 "expired" (UIs restart on it), not 404.
        services.AddCleanupTask<FlowStore>("self-service flows", (store, provider, ct) =>
            store.DeleteExpiredAsync(provider.GetRequiredService<TimeProvider>().GetUtcNow() - TimeSpan.FromDays(1), ct));
        services.AddSingleton<ReturnToValidator>();
        services.AddSingleton<FlowFactory>();
        services.AddSingleton<FlowLookup>();
        services.AddSingleton<FlowResponder>();
        services.AddSingleton<FlowRerenderer>();
        services.AddSingleton<FlowCompletion>();
        services.AddSingleton<FlowGate>();
        services.AddSingleton<FlowStarter>();
        services.AddSingleton<CsrfProtection>();
        services.AddSingleton(CookieSettings.Bind(config, serve));
        return services;
    }
}
