// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Security.Keys;

internal static class ServerKeysRegistration
{
    public static IServiceCollection AddServerKeys(this IServiceCollection services, ConfigurationTree config)
    {
        services.AddSingleton(new ConfiguredMacKeys(config));
        services.AddSingleton<IServerMacKeys>(provider => provider.GetRequiredService<ConfiguredMacKeys>());
        return services;
    }
}
