// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Hosting.Outbound;
using Tessera.Projects.Overlays;

namespace Tessera.Hashing;

internal static class HashingRegistration
{
    public static IServiceCollection AddHashing(this IServiceCollection services, ConfigurationTree config)
    {
        services.AddSingleton(HashersOptions.Bind(config));
        services.AddProjectOptions(config, PasswordPolicyOptions.Bind);
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton(services => new BreachedPasswordsApi(
            services.GetRequiredService<IHttpClientFactory>().CreateClient(OutboundHttpRegistration.ClientName),
            services.GetRequiredService<PasswordPolicyOptions>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger<BreachedPasswordsApi>()));
        services.AddSingleton<PasswordPolicy>();
        return services;
    }
}
