// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Projects.Overlays;
using Tessera.SelfService.Methods.Password;
using Tessera.SelfService.Methods.Profile;

namespace Tessera.SelfService.Flows.Settings;

internal static class SettingsRegistration
{
    public static IServiceCollection AddSettingsFlow(this IServiceCollection services, ConfigurationTree config)
    {
        services.AddProjectOptions(config, SettingsOptions.Bind);
        services.AddSingleton<SettingsAccess>();
        services.AddSingleton<SettingsIdentityWriter>();
        services.AddSingleton<SettingsFormRenderer>();
        services.AddSingleton<SettingsCompletion>();
        services.AddSingleton<SettingsFlowService>();

        // The form lists the methods in this order.
        services.AddSingleton<ISettingsMethod, ProfileSettingsMethod>();
        services.AddSingleton<ISettingsMethod, PasswordSettingsMethod>();
        return services;
    }
}
