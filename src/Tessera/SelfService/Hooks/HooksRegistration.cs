// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Persistence.Cleanup;
using Tessera.Projects.Overlays;

namespace Tessera.SelfService.Hooks;

internal static class HooksRegistration
{
    /// <summary>The hook chains (per project; the file's bound now: a bad hook stops start-up), the web hook sender (through the shared outbound client), the runner and the log janitor.</summary>
    public static IServiceCollection AddHooks(this IServiceCollection services, ConfigurationTree config)
    {
        services.AddProjectOptions(config, HookConfiguration.Bind);
        services.AddSingleton(HookLogOptions.Bind(config));
        services.AddSingleton<WebHookSender>();
        services.AddSingleton<HookExecutionStore>();
        services.AddSingleton<WebHookExecutor>();
        services.AddSingleton<HookRunner>();
        services.AddSingleton<FlowHooks>();
        services.AddCleanupTask<HookExecutionStore>("hook executions", (store, _, ct) => store.DeleteExpiredAsync(ct));
        return services;
    }
}
